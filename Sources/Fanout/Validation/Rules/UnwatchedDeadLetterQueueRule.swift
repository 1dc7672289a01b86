import OrderedCollections

/// FAN801: a dead-letter queue no CloudWatch alarm watches. Messages land there only when
/// something failed — a consumer gave up on them (queue `RedrivePolicy`) or SNS could not
/// deliver them (subscription `RedrivePolicy`) — and without an alarm they wait unseen until
/// they expire.
///
/// An alarm watches the queue when one of its properties (its `Dimensions` or `Metrics`)
/// refers to the queue (`!GetAtt Queue.QueueName`) or names it literally. ``FanOut``
/// consumers get one by default (``ConsumerAlarms``).
public struct UnwatchedDeadLetterQueueRule: Rule {
    public let code = "FAN801"
    public let summary = "Dead-letter queues have a CloudWatch alarm"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // Each dead-letter queue with what sends to it, in declaration order.
        var deadLetterQueues: OrderedDictionary<String, (queue: Queue, source: String)> = [:]
        for queue in context.queues {
            guard let target = queue.redrivePolicy?.deadLetterTargetARN, let dlq = context.queue(referencedBy: target),
                  deadLetterQueues[dlq.logicalID] == nil else { continue }
            let consumer = context.consumers(of: queue).first.map { " (\($0.function.key))" } ?? ""
            deadLetterQueues[dlq.logicalID] = (dlq, "the messages the consumer of \(queue.logicalID)\(consumer) gave up on")
        }
        for subscription in context.subscriptions {
            guard let target = subscription.deadLetterTargetARN, let dlq = context.queue(referencedBy: target),
                  deadLetterQueues[dlq.logicalID] == nil else { continue }
            deadLetterQueues[dlq.logicalID] = (dlq, "the messages SNS could not deliver for \(subscription.logicalID)")
        }
        guard !deadLetterQueues.isEmpty else { return [] }

        var watched: Set<String> = []
        var literalNames: Set<String> = []
        for (index, resource) in context.service.resources.enumerated() where resource.type == "AWS::CloudWatch::Alarm" {
            // Only what names the metric's queue.
            let properties = context.service.properties(ofResourceAt: index)
            for value in ["Dimensions", "Metrics"].compactMap({ properties[$0] }) {
                watched.formUnion(value.referencedLogicalIDs)
                Self.collectStrings(value, resolve: context.resolve, into: &literalNames)
            }
        }
        return deadLetterQueues.values.compactMap { dlq, source in
            if watched.contains(dlq.logicalID) { return nil }
            if let name = dlq.name.flatMap(context.resolve), literalNames.contains(name) { return nil }
            let retention = dlq.messageRetentionPeriod.map { "\($0) s" } ?? "4 days by default"
            return diagnostic(
                .note,
                "\(dlq.logicalID) receives \(source), but no CloudWatch alarm watches it: they wait there unseen until they expire (\(retention)). Add an Alarm on its ApproximateNumberOfMessagesVisible (dimensions: [\"QueueName\": \(Self.variableName(dlq.logicalID)).queueName]) that notifies a topic; FanOut consumers get one unless .withoutAlarms()",
                path: context.path(dlq), at: dlq.location)
        }
    }

    /// Every literal string in `value`, text with its variables resolved.
    private static func collectStrings(_ value: Value, resolve: (Text) -> String?, into strings: inout Set<String>) {
        switch value {
        case .string(let string): strings.insert(string)
        case .text(let text): if let string = resolve(text) { strings.insert(string) }
        case .list(let items): items.forEach { collectStrings($0, resolve: resolve, into: &strings) }
        case .map(let map): map.values.forEach { collectStrings($0, resolve: resolve, into: &strings) }
        default: break
        }
    }

    /// `ProcessorOneDeadLetterQueue` → `processorOneDeadLetterQueue`, as a Swift variable.
    private static func variableName(_ logicalID: String) -> String {
        logicalID.prefix(1).lowercased() + logicalID.dropFirst()
    }
}
