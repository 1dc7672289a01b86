// Imported from Fixtures/import/kitchen-sink.serverless.yml by `fanout import`.
import Fanout

let importedKitchenSink = Service(
    "kitchen-sink",
    runtime: .python312,
    region: "${opt:region, 'eu-west-1'}",
    stage: "prod",
    memorySize: 512,
    timeout: 20
) {
    let key = CustomResource("Key", type: "AWS::KMS::Key", properties: ["EnableKeyRotation": true])
    let jobsDLQ = Queue("JobsDLQ", name: "${self:service}-${sls:stage}-jobs-dlq.fifo", fifo: true)
    let jobs = Queue(
        "Jobs",
        name: "${self:service}-${sls:stage}-jobs.fifo",
        fifo: true,
        delaySeconds: 5,
        receiveMessageWaitTime: 20,
        encryption: .kms(key.ref),
        redrivePolicy: RedrivePolicy(deadLetterQueue: jobsDLQ, maxReceiveCount: 3)
    )
    let events = Topic("Events", name: "events.fifo", displayName: "Order events", fifo: true)
    let jobsPolicy = QueuePolicy(
        "JobsPolicy",
        queueURLs: [jobs.url, "https://sqs.eu-west-1.amazonaws.com/123456789012/external"],
        statements: [
            Statement(
                .allow,
                principal: .aws(["arn:aws:iam::123456789012:root"]),
                actions: "sqs:SendMessage",
                resources: .one("*")
            ),
            Statement(.allow, principal: .everyone, actions: "sqs:SendMessage", resources: .one(jobs.arn)),
        ]
    )
    let ordersTable = CustomResource(
        "OrdersTable",
        type: "AWS::DynamoDB::Table",
        properties: [
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": .list([.map(["AttributeName": "id", "AttributeType": "S"])]),
            "KeySchema": .list([.map(["AttributeName": "id", "KeyType": "HASH"])]),
            "SSESpecification": .map(["SSEEnabled": true, "KMSMasterKeyId": .getAtt("Key", "Arn")]),
            "Tags": .list([.map(["Key": "app", "Value": .join("-", [.pseudo(.stackName), "orders"])])]),
        ]
    ).dependsOn(key)

    IAM {
        Statement(
            .allow,
            sid: "ReadTable",
            actions: "dynamodb:GetItem",
            resources: .one(.getAtt("OrdersTable", "Arn"))
        )
        Statement(
            .deny,
            actions: ["s3:DeleteObject"],
            resources: [.join("", ["arn:", .pseudo(.partition), ":s3:::bucket/*"])],
            condition: Condition([
                Condition.Clause("StringEquals", "aws:RequestedRegion", .many(["eu-west-1", "eu-central-1"])),
                Condition.Clause("Bool", "aws:SecureTransport", .one("false")),
            ])
        )
    }

    Function("api", handler: "app.handler", runtime: "python3.11", memorySize: 256, timeout: 10) {
        HTTP(.get, "/orders/{id}")
        HTTP(.any, "/orders")
        Environment("TABLE", ordersTable.ref)
        Environment("QUOTE", "He said \"hi\" \\(not interpolated)")
        Environment("MULTI", "line one\nline two")
        Environment("REGION", .sub("${AWS::Region}"))
        Environment(
            "URL",
            .sub(
                "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}",
                ["Api": .ref("ApiGatewayRestApi"), "Stage": "${sls:stage}"]
            )
        )
        Environment("ZONE", .function("Fn::Select", .list([0, .function("Fn::GetAZs", "")])))
        Environment("COUNT", 3)
        Environment("FLAG", true)
    }
    Function("worker", handler: "worker.handler") {
        SQS(
            arn: "arn:aws:sqs:eu-west-1:123456789012:external",
            batchSize: 100,
            maximumBatchingWindow: 5,
            maximumConcurrency: 5,
            reportBatchItemFailures: true
        )
        SQS(jobs)
    }

    key
    jobs
    jobsDLQ
    events
    jobsPolicy
    Subscription(
        "JobsSubscription",
        topic: events,
        queue: jobs,
        rawMessageDelivery: false,
        filter: .attributes([
            "kind": .list([.map(["prefix": "order_"])]),
            "amount": .list([.map(["numeric": .list([">=", 100])])]),
        ]),
        deadLetterQueue: jobsDLQ
    ).dependsOn(jobsPolicy, key)
    Subscription(
        "EmailSubscription",
        topicARN: events.arn,
        protocol: .email,
        endpoint: "ops@example.com"
    ).dependsOn(CustomResource("ExternalResource", type: "(declared elsewhere)"))
    ordersTable

    Output(
        "TableName",
        value: ordersTable.ref,
        description: "The orders table",
        exportName: "${self:service}-${sls:stage}-table"
    )
    Output("JobsUrl", value: jobs.url)
}
