import Fanout
extension Examples {
    /// The tutorial's service rewritten with ``FanOut``, with production defaults: a current runtime,
    /// raw message delivery, dead-letter queues, derived visibility timeouts, partial batch failures,
    /// a role per function, a third consumer that takes only high-priority items (body filter),
    /// logs kept 30 days, and the topic encrypted with its own key (the trigger's key grant is
    /// derived by `Publishes`).
    public static let production = Service(
        "serverless-async-fanout", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction,
        logRetentionInDays: .oneMonth
    ) {
        let key = KMSKey("NotificationTopicKey", description: "Encrypts the notification topic's messages at rest")
        key
        let topic = Topic("NotificationTopic", name: "\(Variable.service)-\(Variable.stage)-notifications",
                          encryption: .kms(key))
        topic

        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/trigger")
            Publishes(to: topic, as: "SNS_TOPIC_ARN")
        }

        FanOut(from: topic) {
            Consumer("processorOne", handler: "src/processorOne.handler", batchSize: 10)
            Consumer("processorTwo", handler: "src/processorTwo.handler", batchSize: 10)
            Consumer("urgentProcessor", handler: "src/urgentProcessor.handler", batchSize: 1)
                .filter(body: ["priority": ["high"]])
        }
    }
}
