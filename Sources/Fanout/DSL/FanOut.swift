/// A topic that fans out to consumers: each consumer line becomes a queue, its dead-letter
/// queue, the queue policy for the topic, the subscription, and the function with its event
/// source and permissions.
///
/// ```swift
/// FanOut(from: placed) {
///     Consumer("billing", handler: "src/billing.handler")
///     Consumer("shipping", handler: "src/shipping.handler", batchSize: 10)
///         .filter(["eventType": ["order_placed"]])
/// }
/// ```
///
/// The construct only writes resources into the same model the low-level DSL builds, so
/// everything it derives is checked, emitted and overridable like hand-written resources.
public struct FanOut: ServiceComponent {
    public var topics: [Topic]
    public var consumers: [Consumer]
    public let location: SourceLocation

    /// Consumers with standard queues. A standard topic can feed only these; a FIFO topic can
    /// feed them too.
    public init(from topic: Topic, file: String = #filePath, line: Int = #line,
                @ListBuilder<Consumer> _ consumers: () -> [Consumer]) {
        self.init(from: [topic], file: file, line: line, consumers)
    }

    /// Several topics into the same consumers: each queue gets one subscription per topic and
    /// one policy statement listing every topic.
    public init(from topics: [Topic], file: String = #filePath, line: Int = #line,
                @ListBuilder<Consumer> _ consumers: () -> [Consumer]) {
        self.topics = topics.reduce(into: []) { unique, topic in
            if !unique.contains(where: { $0.logicalID == topic.logicalID }) { unique.append(topic) }
        }
        self.consumers = consumers()
        self.location = SourceLocation(file: file, line: line)
    }

    /// Consumers from a FIFO topic: ``FIFOConsumer``s (FIFO queues) and ``Consumer``s
    /// (standard queues).
    public init(fromFIFO topic: Topic, file: String = #filePath, line: Int = #line,
                @ListBuilder<any FanOutConsumer> _ consumers: () -> [any FanOutConsumer]) {
        self.topics = [topic]
        self.consumers = consumers().map(\.consumer)
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to service: inout Service) {
        for consumer in consumers {
            expand(consumer, into: &service)
        }
    }

    private func expand(_ consumer: Consumer, into service: inout Service) {
        let prefix = Naming.normalizedFunctionName(consumer.name)
        let here = consumer.location
        // FIFO queues get their `.fifo` suffix from Queue itself.
        let physical = { (part: String) -> Text in "\(Variable.service)-\(Variable.stage)-\(part)" }
        let timeout = consumer.timeout ?? service.provider.timeout ?? LambdaSettings.defaultTimeout

        var deadLetterQueue: Queue?
        if consumer.maxReceiveCount != nil {
            deadLetterQueue = Queue(
                consumer.names.deadLetterQueue ?? prefix + "DeadLetterQueue", name: physical(consumer.name + "-dlq"),
                fifo: consumer.fifo, messageRetentionPeriod: Self.deadLetterRetention, encryption: consumer.encryption,
                file: here.file, line: here.line)
        }
        var redrivePolicy: RedrivePolicy?
        if let deadLetterQueue, let maxReceiveCount = consumer.maxReceiveCount {
            redrivePolicy = RedrivePolicy(deadLetterQueue: deadLetterQueue, maxReceiveCount: maxReceiveCount)
        }
        let queue = Queue(
            consumer.names.queue ?? prefix + "Queue", name: consumer.names.queueName ?? physical(consumer.name),
            fifo: consumer.fifo,
            visibilityTimeout: consumer.visibilityTimeout
                ?? LambdaSettings.recommendedVisibilityTimeout(timeout: timeout, batchingWindow: consumer.batchingWindow),
            encryption: consumer.encryption,
            redrivePolicy: redrivePolicy,
            file: here.file, line: here.line)
        let policy = snsPolicy(consumer.names.policy ?? prefix + "QueuePolicy", for: queue, at: here)
        var subscriptionDLQ: (queue: Queue, policy: QueuePolicy)?
        if consumer.subscriptionDeadLetterQueue {
            let dlq = Queue(
                // SNS requires a FIFO topic's subscription dead-letter queue to be FIFO.
                prefix + "SubscriptionDeadLetterQueue", name: physical(consumer.name + "-sns-dlq"),
                fifo: topics.contains(where: \.fifo),
                messageRetentionPeriod: Self.deadLetterRetention, encryption: consumer.encryption,
                file: here.file, line: here.line)
            subscriptionDLQ = (dlq, snsPolicy(prefix + "SubscriptionDeadLetterQueuePolicy", for: dlq, at: here))
        }

        for resource in [deadLetterQueue, queue, subscriptionDLQ?.queue].compactMap({ $0 }) {
            service.resources.append(resource)
        }
        service.resources.append(policy)
        if let subscriptionDLQ { service.resources.append(subscriptionDLQ.policy) }
        for topic in topics {
            var subscription = Subscription(
                (consumer.names.subscription ?? prefix + "Subscription") + (topics.count == 1 ? "" : topic.logicalID),
                topic: topic, queue: queue,
                rawMessageDelivery: consumer.rawMessageDelivery ? true : nil,
                filter: consumer.filter,
                deadLetterQueue: subscriptionDLQ?.queue, file: here.file, line: here.line)
            subscription.dependsOn = [policy.logicalID] + (subscriptionDLQ.map { [$0.policy.logicalID] } ?? [])
            service.resources.append(subscription)
        }

        var function = Function(
            consumer.name, handler: consumer.handler, runtime: consumer.runtime, memorySize: consumer.memorySize,
            timeout: consumer.timeout, file: here.file, line: here.line)
        SQS(queue, batchSize: consumer.batchSize, maximumBatchingWindow: consumer.batchingWindow,
            maximumConcurrency: consumer.maximumConcurrency, reportBatchItemFailures: consumer.reportBatchItemFailures,
            file: here.file, line: here.line).apply(to: &function)
        consumer.components.forEach { $0.apply(to: &function) }
        // A handler that reports batch item failures manages visibility per message; without
        // it the event source's receive/delete/get-attributes grant is all a consumer uses.
        if consumer.reportBatchItemFailures {
            function.iamStatements.append(Statement(
                actions: ["sqs:ChangeMessageVisibility"], resources: [queue.arn], file: here.file, line: here.line))
        }
        if case .kms(let key)? = consumer.encryption {
            // The key's own policy gets SNS's grant when the service is bound, wherever the
            // key is declared.
            function.iamStatements.append(KeyGrant.statement(["kms:Decrypt"], on: key, via: "sqs", at: here))
        }
        service.functions.append(function)
    }

    /// The policy that lets the fan-out's topics, and only them, send to `queue`.
    private func snsPolicy(_ logicalID: String, for queue: Queue, at location: SourceLocation) -> QueuePolicy {
        let sources: OneOrMany<Value> = topics.count == 1 ? .one(topics[0].arn) : .many(topics.map(\.arn))
        return QueuePolicy(
            logicalID, queueURLs: [queue.url],
            statements: [Statement(
                principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage", resources: .one(queue.arn),
                condition: Condition([Condition.Clause("ArnEquals", "aws:SourceArn", sources)]),
                file: location.file, line: location.line)],
            file: location.file, line: location.line)
    }

    /// Dead-letter queues keep messages for the longest SQS allows, 14 days.
    static let deadLetterRetention = 1_209_600
}
