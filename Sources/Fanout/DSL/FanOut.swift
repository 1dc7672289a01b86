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
    /// Where the consumers' alarms notify; `nil` for no alarms at all. By default a topic
    /// Fanout declares (``AlarmTopic/created``).
    public var alarmTopic: AlarmTopic? = .created
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
        let actions = alarmTopic.map(alarmActions)
        var alarmed = false
        for consumer in consumers {
            alarmed = expand(consumer, alarmActions: actions, into: &service) || alarmed
        }
        if alarmed, case .created(let emails)? = alarmTopic {
            declareAlarmTopic(emails: emails, in: &service)
        }
    }

    /// The value alarms notify: the topic's ARN.
    private func alarmActions(_ topic: AlarmTopic) -> Value {
        switch topic {
        case .created: .ref(Naming.alarmTopicLogicalID)
        case .arn(let arn): arn
        }
    }

    /// `AlarmTopic` and its e-mail subscriptions, each declared once however many fan-outs
    /// of the service notify it.
    private func declareAlarmTopic(emails: [String], in service: inout Service) {
        let topicID = Naming.alarmTopicLogicalID
        if service.resource(topicID) == nil {
            // Encrypted as the fan-out's topic is when that is a customer-managed key (the
            // Binder lets CloudWatch use it); CloudWatch cannot use the AWS-managed SNS key.
            var encryption: TopicEncryption?
            if case .kms(let key)? = topics.first?.encryption { encryption = .kms(key) }
            service.resources.append(Topic(
                topicID, name: "\(Variable.service)-\(Variable.stage)-alarms", encryption: encryption,
                file: location.file, line: location.line))
        }
        for email in emails {
            // Two addresses may share their letters and digits (`a.b@x.org`, `ab@x.org`): the
            // second gets a number rather than being lost. An address already subscribed is
            // not subscribed twice.
            let base = Naming.alarmEmailSubscriptionLogicalID(email)
            var id = base
            var number = 1
            var subscribed = false
            while let existing = service.resource(id) {
                if let subscription = existing as? Subscription, subscription.endpoint == .string(email) {
                    subscribed = true
                    break
                }
                number += 1
                id = base + String(number)
            }
            guard !subscribed else { continue }
            service.resources.append(Subscription(
                id, topicARN: .ref(topicID), protocol: .email, endpoint: .string(email),
                file: location.file, line: location.line))
        }
    }

    /// Adds the consumer's resources; returns whether it added an alarm.
    private func expand(_ consumer: Consumer, alarmActions: Value?, into service: inout Service) -> Bool {
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
        var alarms: [Alarm] = []
        if let alarmActions, let settings = consumer.alarms {
            alarms = Self.alarms(
                for: consumer, settings: settings, queue: queue, deadLetterQueue: deadLetterQueue,
                subscriptionDeadLetterQueue: subscriptionDLQ?.queue, actions: alarmActions)
            service.resources.append(contentsOf: alarms as [any Resource])
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
        return !alarms.isEmpty
    }

    /// A consumer's alarms: on each dead-letter queue, one message is too many (by default);
    /// on its queue, the oldest message's age (see ``ConsumerAlarms``).
    private static func alarms(
        for consumer: Consumer, settings: ConsumerAlarms, queue: Queue, deadLetterQueue: Queue?,
        subscriptionDeadLetterQueue: Queue?, actions: Value
    ) -> [Alarm] {
        let here = consumer.location
        let name = { (part: String) -> Text in "\(Variable.service)-\(Variable.stage)-\(consumer.name)-\(part)" }
        func alarm(_ id: String, _ suffix: String, _ description: String, metric: String, on queue: Queue, above threshold: Int) -> Alarm {
            Alarm(id, name: name(suffix), description: description, metric: metric, namespace: "AWS/SQS",
                  dimensions: ["QueueName": queue.queueName], threshold: threshold,
                  actions: [actions], okActions: [actions], file: here.file, line: here.line)
        }
        var alarms: [Alarm] = []
        if let threshold = settings.deadLetterMessages.value(automatic: 0) {
            if let deadLetterQueue {
                alarms.append(alarm(
                    Naming.deadLetterAlarmLogicalID(consumer.name), "dead-letters",
                    "\(consumer.name) gave up on messages: they wait in \(deadLetterQueue.logicalID) until they expire. Find the cause, then redrive them.",
                    metric: "ApproximateNumberOfMessagesVisible", on: deadLetterQueue, above: threshold))
            }
            if let subscriptionDeadLetterQueue {
                alarms.append(alarm(
                    Naming.deadLetterAlarmLogicalID(consumer.name, subscription: true), "undelivered",
                    "SNS could not deliver messages to \(queue.logicalID): they wait in \(subscriptionDeadLetterQueue.logicalID) until they expire. Check the queue's policy and key, then redrive them.",
                    metric: "ApproximateNumberOfMessagesVisible", on: subscriptionDeadLetterQueue, above: threshold))
            }
        }
        let derived = ConsumerAlarms.derivedMessageAge(
            visibilityTimeout: queue.effectiveVisibilityTimeout, maxReceiveCount: consumer.maxReceiveCount,
            retention: queue.messageRetentionPeriod)
        if let threshold = settings.oldestMessageAge.value(automatic: derived) {
            alarms.append(alarm(
                Naming.queueAgeAlarmLogicalID(consumer.name), "message-age",
                "A message waited in \(queue.logicalID) longer than \(threshold) s: \(consumer.name) is not keeping up (throttled, failing or too slow).",
                metric: "ApproximateAgeOfOldestMessage", on: queue, above: threshold))
        }
        return alarms
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

extension FanOut {
    /// Sends the consumers' alarms to `topic` instead of the topic Fanout declares:
    /// `.topic(opsTopic)` for a topic the service declares, `.arn(…)` for any other.
    public func alarms(to topic: AlarmTopic) -> FanOut {
        var copy = self
        copy.alarmTopic = topic
        return copy
    }

    /// Subscribes these e-mail addresses to the alarm topic Fanout declares.
    public func alarms(email addresses: String...) -> FanOut {
        alarms(to: .created(emails: addresses))
    }

    /// No CloudWatch alarms for any consumer of this fan-out.
    public func withoutAlarms() -> FanOut {
        var copy = self
        copy.alarmTopic = nil
        return copy
    }
}
