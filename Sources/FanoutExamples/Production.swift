import Fanout
extension Examples {
    /// The tutorial's service rewritten with ``FanOut``, with production defaults: a current runtime,
    /// raw message delivery, dead-letter queues, derived visibility timeouts, partial batch failures,
    /// a role per function, an IAM-authenticated trigger on a throttled stage, a third consumer
    /// that takes only high-priority items (body filter), logs kept 30 days, and the topic
    /// encrypted with its own key (the trigger's key grant is derived by `Publishes`).
    public static let production = Service(
        "serverless-async-fanout", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction,
        logRetentionInDays: .oneMonth
    ) {
        let key = KMSKey("NotificationTopicKey", description: "Encrypts the notification topic's messages at rest")
        key
        let topic = Topic("NotificationTopic", name: "\(Variable.service)-\(Variable.stage)-notifications",
                          encryption: .kms(key))
        topic

        // Callers sign with SigV4 and need execute-api:Invoke on the method; the stage admits
        // 50 requests per second (bursts of 100) whoever calls it.
        APIGateway(throttling: Throttling(rate: 50, burst: 100))

        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/trigger", authorization: .iam)
            Publishes(to: topic, as: "SNS_TOPIC_ARN")
        }

        // What callers' IAM policies allow execute-api:Invoke on.
        Output("TriggerInvokeArn", value: .join("", [
            "arn:", .pseudo(.partition), ":execute-api:", .pseudo(.region), ":", .pseudo(.accountID), ":",
            .ref(Naming.restAPILogicalID), ("/\(Variable.stage)/POST/trigger" as Text).value,
        ]), description: "The trigger's method ARN: callers need execute-api:Invoke on it")

        FanOut(from: topic) {
            Consumer("processorOne", handler: "src/processorOne.handler", batchSize: 10)
            Consumer("processorTwo", handler: "src/processorTwo.handler", batchSize: 10)
            Consumer("urgentProcessor", handler: "src/urgentProcessor.handler", batchSize: 1)
                .filter(body: ["priority": ["high"]])
        }
    }
}
