import Fanout

/// Small services for rule tests: `edge` declares a correct SNS → SQS edge (queue with a
/// dead-letter queue and its alarm, policy for the topic, subscription after the policy, raw delivery),
/// and `consumer` a function that drains a queue. Each lints clean on its own.
enum Fixtures {
    /// The day rule tests judge runtimes by.
    static let day = Day(year: 2026, month: 11, day: 26)

    /// The codes `service` gets, sorted, with duplicates.
    static func codes(_ service: Service, on date: Day = day, options: CloudFormationOptions = .init()) -> [String] {
        Validator().validate(service, on: date, options: options).map(\.code)
            .filter { !openChoices.contains($0) }.sorted()
    }

    /// Notes on what a service leaves open by choice (logs kept forever, an unencrypted topic),
    /// which nearly every small fixture does: left out of ``codes(_:on:options:)``, and
    /// tested on their own (SecureDefaultsTests).
    static let openChoices: Set<String> = ["FAN831", "FAN832"]

    /// Compiled without the checkov skip table's `Metadata`, for tests calibrated to template
    /// sizes (each skip adds its reason to the resource).
    static let withoutScannerSkips = CloudFormationOptions(scannerSkips: false)

    /// The diagnostics of one code.
    static func diagnostics(_ code: String, _ service: Service, on date: Day = day) -> [Diagnostic] {
        Validator().validate(service, on: date).filter { $0.code == code }
    }

    static let topic = Topic("Topic", name: "${self:service}-topic")
    static let deadLetters = Queue("DeadLetters", name: "${self:service}-dead-letters")
    static let queue = Queue(
        "Work", name: "${self:service}-work", visibilityTimeout: 60,
        redrivePolicy: RedrivePolicy(deadLetterQueue: deadLetters))
    static let policy = QueuePolicy("WorkPolicy", queues: [queue]) {
        Statement(
            principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage", resources: .one(queue.arn),
            condition: .arnEquals("aws:SourceArn", topic.arn))
    }
    /// Watches `deadLetters` (FAN801 wants an alarm on every dead-letter queue).
    static let deadLetterAlarm = Alarm(
        "DeadLettersAlarm", metric: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS",
        dimensions: ["QueueName": deadLetters.queueName], threshold: 0)
    static let subscription = Subscription("WorkSubscription", topic: topic, queue: queue, rawMessageDelivery: true)
        .dependsOn(policy)

    /// A correct edge from `topic` to `queue`.
    static var edge: [any ServiceComponent] {
        [topic, deadLetters, deadLetterAlarm, queue, policy, subscription]
    }

    /// The edge with its subscription filtered by `policy`, the subscription declared on `line`.
    static func filteredEdge(_ policy: FilterPolicy, line: Int = #line) -> Service {
        Service("svc", runtime: .nodejs24x) {
            for component in edge where !(component is Subscription) { component }
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true, filter: policy, line: line)
                .dependsOn(Fixtures.policy)
        }
    }

    /// A function draining `queue`.
    static let consumer = Function("consumer", handler: "consumer.handler") { SQS(queue, batchSize: 5) }

    /// A function publishing to `topic`, with the permission to.
    static let publisher = Function("publisher", handler: "publisher.handler") {
        Environment("TOPIC_ARN", topic.arn)
    }
    static let publishStatement = Statement(actions: ["sns:Publish"], resources: [topic.arn])
}

extension Array where Element == Diagnostic {
    /// The diagnostics without the notes on open choices (``Fixtures/openChoices``).
    var decided: [Diagnostic] { filter { !Fixtures.openChoices.contains($0.code) } }
}
