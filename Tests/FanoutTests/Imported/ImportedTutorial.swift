// Imported from Fixtures/seed/serverless.yml by `fanout import`.
import Fanout

let importedTutorial = Service("serverless-async-fanout", runtime: .nodejs18x, region: "eu-central-1") {
    let notificationTopic = Topic("NotificationTopic", name: "${self:service}-notification-topic")
    let processingQueueOne = Queue(
        "ProcessingQueueOne",
        name: "${self:service}-processing-queue-one",
        visibilityTimeout: 60
    )
    let processingQueueTwo = Queue(
        "ProcessingQueueTwo",
        name: "${self:service}-processing-queue-two",
        visibilityTimeout: 60
    )

    IAM {
        Statement(
            .allow,
            actions: ["sns:Publish", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
            resources: [notificationTopic.arn, processingQueueOne.arn, processingQueueTwo.arn]
        )
    }

    Function("trigger", handler: "src/trigger.handler") {
        HTTP(.post, "/trigger")
        Environment("SNS_TOPIC_ARN", notificationTopic.arn)
    }
    Function("processorOne", handler: "src/processorOne.handler") {
        SQS(processingQueueOne, batchSize: 1)
    }
    Function("processorTwo", handler: "src/processorTwo.handler") {
        SQS(processingQueueTwo, batchSize: 1)
    }

    notificationTopic
    processingQueueOne
    processingQueueTwo
    QueuePolicy("QueueOnePolicy", queues: [processingQueueOne]) {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(processingQueueOne.arn),
            condition: .arnEquals("aws:SourceArn", notificationTopic.arn)
        )
    }
    QueuePolicy("QueueTwoPolicy", queues: [processingQueueTwo]) {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(processingQueueTwo.arn),
            condition: .arnEquals("aws:SourceArn", notificationTopic.arn)
        )
    }
    Subscription("NotificationTopicSubscriptionOne", topic: notificationTopic, queue: processingQueueOne)
    Subscription("NotificationTopicSubscriptionTwo", topic: notificationTopic, queue: processingQueueTwo)
}
