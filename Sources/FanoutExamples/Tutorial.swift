import Fanout
extension Examples {
    /// The tutorial's service, resource for resource as its `serverless.yml` documents it: an HTTP
    /// function publishes to an SNS topic fanning out to two SQS queues, each drained by a function.
    public static let tutorial = Service(
        "serverless-async-fanout", runtime: .nodejs18x, region: "eu-central-1"
    ) {
        let topic = Topic("NotificationTopic", name: "${self:service}-notification-topic")
        let queueOne = Queue(
            "ProcessingQueueOne", name: "${self:service}-processing-queue-one", visibilityTimeout: 60)
        let queueTwo = Queue(
            "ProcessingQueueTwo", name: "${self:service}-processing-queue-two", visibilityTimeout: 60)

        IAM {
            Statement(
                .allow,
                actions: ["sns:Publish", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
                resources: [topic.arn, queueOne.arn, queueTwo.arn])
        }

        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/trigger")
            Environment("SNS_TOPIC_ARN", topic.arn)
        }
        Function("processorOne", handler: "src/processorOne.handler") {
            SQS(queueOne, batchSize: 1)
        }
        Function("processorTwo", handler: "src/processorTwo.handler") {
            SQS(queueTwo, batchSize: 1)
        }

        topic
        queueOne
        queueTwo
        QueuePolicy("QueueOnePolicy", queues: [queueOne]) {
            snsDelivery(to: queueOne, from: topic)
        }
        QueuePolicy("QueueTwoPolicy", queues: [queueTwo]) {
            snsDelivery(to: queueTwo, from: topic)
        }
        Subscription("NotificationTopicSubscriptionOne", topic: topic, queue: queueOne)
        Subscription("NotificationTopicSubscriptionTwo", topic: topic, queue: queueTwo)
    }

    /// The tutorial's queue policy statement: SNS may send to `queue`, from `topic` only.
    private static func snsDelivery(to queue: Queue, from topic: Topic,
                                    file: String = #filePath, line: Int = #line) -> Statement {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(queue.arn),
            condition: .arnEquals("aws:SourceArn", topic.arn),
            file: file, line: line)
    }
}
