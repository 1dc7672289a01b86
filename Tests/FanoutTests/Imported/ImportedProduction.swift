// Imported from Fixtures/production/serverless.yml by `fanout import`.
import Fanout

let importedProduction = Service(
    "serverless-async-fanout",
    runtime: .nodejs24x,
    region: "eu-central-1",
    logRetentionInDays: .oneMonth
) {
    let notificationTopicKey = KMSKey(
        "NotificationTopicKey",
        description: "Encrypts the notification topic's messages at rest"
    )
    let notificationTopic = Topic(
        "NotificationTopic",
        name: "${self:service}-${sls:stage}-notifications",
        encryption: .kms(notificationTopicKey.ref)
    )
    let processorOneDeadLetterQueue = Queue(
        "ProcessorOneDeadLetterQueue",
        name: "${self:service}-${sls:stage}-processorOne-dlq",
        messageRetentionPeriod: 1209600,
        encryption: .sqsManaged
    )
    let processorOneQueue = Queue(
        "ProcessorOneQueue",
        name: "${self:service}-${sls:stage}-processorOne",
        visibilityTimeout: 36,
        encryption: .sqsManaged,
        redrivePolicy: RedrivePolicy(deadLetterQueue: processorOneDeadLetterQueue)
    )
    let processorOneQueuePolicy = QueuePolicy("ProcessorOneQueuePolicy", queues: [processorOneQueue]) {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(processorOneQueue.arn),
            condition: .arnEquals("aws:SourceArn", notificationTopic.arn)
        )
    }
    let processorTwoDeadLetterQueue = Queue(
        "ProcessorTwoDeadLetterQueue",
        name: "${self:service}-${sls:stage}-processorTwo-dlq",
        messageRetentionPeriod: 1209600,
        encryption: .sqsManaged
    )
    let processorTwoQueue = Queue(
        "ProcessorTwoQueue",
        name: "${self:service}-${sls:stage}-processorTwo",
        visibilityTimeout: 36,
        encryption: .sqsManaged,
        redrivePolicy: RedrivePolicy(deadLetterQueue: processorTwoDeadLetterQueue)
    )
    let processorTwoQueuePolicy = QueuePolicy("ProcessorTwoQueuePolicy", queues: [processorTwoQueue]) {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(processorTwoQueue.arn),
            condition: .arnEquals("aws:SourceArn", notificationTopic.arn)
        )
    }
    let urgentProcessorDeadLetterQueue = Queue(
        "UrgentProcessorDeadLetterQueue",
        name: "${self:service}-${sls:stage}-urgentProcessor-dlq",
        messageRetentionPeriod: 1209600,
        encryption: .sqsManaged
    )
    let urgentProcessorQueue = Queue(
        "UrgentProcessorQueue",
        name: "${self:service}-${sls:stage}-urgentProcessor",
        visibilityTimeout: 36,
        encryption: .sqsManaged,
        redrivePolicy: RedrivePolicy(deadLetterQueue: urgentProcessorDeadLetterQueue)
    )
    let urgentProcessorQueuePolicy = QueuePolicy("UrgentProcessorQueuePolicy", queues: [urgentProcessorQueue]) {
        Statement(
            .allow,
            principal: .service("sns.amazonaws.com"),
            actions: "sqs:SendMessage",
            resources: .one(urgentProcessorQueue.arn),
            condition: .arnEquals("aws:SourceArn", notificationTopic.arn)
        )
    }
    let alarmTopic = Topic(
        "AlarmTopic",
        name: "${self:service}-${sls:stage}-alarms",
        encryption: .kms(notificationTopicKey.ref)
    )

    APIGateway(throttling: Throttling(rate: 50, burst: 100))

    IAM {
        Statement(.allow, actions: ["sns:Publish"], resources: [notificationTopic.arn])
        Statement(
            .allow,
            actions: ["kms:GenerateDataKey", "kms:Decrypt"],
            resources: [.getAtt("NotificationTopicKey", "Arn")]
        )
        Statement(
            .allow,
            actions: ["sqs:ChangeMessageVisibility"],
            resources: [processorOneQueue.arn, processorTwoQueue.arn, urgentProcessorQueue.arn]
        )
    }

    Function("trigger", handler: "src/trigger.handler") {
        HTTP(.post, "/trigger", authorization: .iam)
        Environment("SNS_TOPIC_ARN", notificationTopic.arn)
    }
    Function("processorOne", handler: "src/processorOne.handler") {
        SQS(processorOneQueue, batchSize: 10, reportBatchItemFailures: true)
    }
    Function("processorTwo", handler: "src/processorTwo.handler") {
        SQS(processorTwoQueue, batchSize: 10, reportBatchItemFailures: true)
    }
    Function("urgentProcessor", handler: "src/urgentProcessor.handler") {
        SQS(urgentProcessorQueue, batchSize: 1, reportBatchItemFailures: true)
    }

    notificationTopicKey
    notificationTopic
    processorOneDeadLetterQueue
    processorOneQueue
    processorOneQueuePolicy
    Subscription(
        "ProcessorOneSubscription",
        topic: notificationTopic,
        queue: processorOneQueue,
        rawMessageDelivery: true
    ).dependsOn(processorOneQueuePolicy)
    Alarm(
        "ProcessorOneDeadLetterQueueAlarm",
        name: "${self:service}-${sls:stage}-processorOne-dead-letters",
        description: "processorOne gave up on messages: they wait in ProcessorOneDeadLetterQueue until they expire. Find the cause, then redrive them.",
        metric: "ApproximateNumberOfMessagesVisible",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": processorOneDeadLetterQueue.queueName],
        threshold: 0,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    Alarm(
        "ProcessorOneQueueAgeAlarm",
        name: "${self:service}-${sls:stage}-processorOne-message-age",
        description: "A message waited in ProcessorOneQueue longer than 180 s: processorOne is not keeping up (throttled, failing or too slow).",
        metric: "ApproximateAgeOfOldestMessage",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": processorOneQueue.queueName],
        threshold: 180,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    processorTwoDeadLetterQueue
    processorTwoQueue
    processorTwoQueuePolicy
    Subscription(
        "ProcessorTwoSubscription",
        topic: notificationTopic,
        queue: processorTwoQueue,
        rawMessageDelivery: true
    ).dependsOn(processorTwoQueuePolicy)
    Alarm(
        "ProcessorTwoDeadLetterQueueAlarm",
        name: "${self:service}-${sls:stage}-processorTwo-dead-letters",
        description: "processorTwo gave up on messages: they wait in ProcessorTwoDeadLetterQueue until they expire. Find the cause, then redrive them.",
        metric: "ApproximateNumberOfMessagesVisible",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": processorTwoDeadLetterQueue.queueName],
        threshold: 0,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    Alarm(
        "ProcessorTwoQueueAgeAlarm",
        name: "${self:service}-${sls:stage}-processorTwo-message-age",
        description: "A message waited in ProcessorTwoQueue longer than 180 s: processorTwo is not keeping up (throttled, failing or too slow).",
        metric: "ApproximateAgeOfOldestMessage",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": processorTwoQueue.queueName],
        threshold: 180,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    urgentProcessorDeadLetterQueue
    urgentProcessorQueue
    urgentProcessorQueuePolicy
    Subscription(
        "UrgentProcessorSubscription",
        topic: notificationTopic,
        queue: urgentProcessorQueue,
        rawMessageDelivery: true,
        filter: .body(["priority": .list(["high"])])
    ).dependsOn(urgentProcessorQueuePolicy)
    Alarm(
        "UrgentProcessorDeadLetterQueueAlarm",
        name: "${self:service}-${sls:stage}-urgentProcessor-dead-letters",
        description: "urgentProcessor gave up on messages: they wait in UrgentProcessorDeadLetterQueue until they expire. Find the cause, then redrive them.",
        metric: "ApproximateNumberOfMessagesVisible",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": urgentProcessorDeadLetterQueue.queueName],
        threshold: 0,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    Alarm(
        "UrgentProcessorQueueAgeAlarm",
        name: "${self:service}-${sls:stage}-urgentProcessor-message-age",
        description: "A message waited in UrgentProcessorQueue longer than 180 s: urgentProcessor is not keeping up (throttled, failing or too slow).",
        metric: "ApproximateAgeOfOldestMessage",
        namespace: "AWS/SQS",
        dimensions: ["QueueName": urgentProcessorQueue.queueName],
        threshold: 180,
        actions: [alarmTopic.arn],
        okActions: [alarmTopic.arn]
    )
    alarmTopic

    Output(
        "TriggerInvokeArn",
        value: .join(
            "",
            [
                "arn:",
                .pseudo(.partition),
                ":execute-api:",
                .pseudo(.region),
                ":",
                .pseudo(.accountID),
                ":",
                .ref("ApiGatewayRestApi"),
                "/${sls:stage}/POST/trigger",
            ]
        ),
        description: "The trigger's method ARN: callers need execute-api:Invoke on it"
    )
}
