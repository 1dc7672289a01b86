import Fanout
extension Examples {
    /// The tutorial's service rewritten with ``FanOut``, with production defaults: a current runtime,
    /// raw message delivery, dead-letter queues, derived visibility timeouts, partial batch failures,
    /// a role per function, and a third consumer that takes only high-priority items (body filter).
    public static let production = Service(
        "serverless-async-fanout", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction
    ) {
        let topic = Topic("NotificationTopic", name: "\(Variable.service)-\(Variable.stage)-notifications")
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
