/// FAN205: a queue drained by a function without a dead-letter queue: a message its consumer
/// keeps failing on is retried until it expires, and then it is gone.
public struct DeadLetterQueueRule: Rule {
    public let code = "FAN205"
    public let summary = "Queues drained by functions have a dead-letter queue"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queues.compactMap { queue in
            guard queue.redrivePolicy == nil, let consumer = context.consumers(of: queue).first else { return nil }
            let retention = queue.messageRetentionPeriod.map { "\($0) s" } ?? "4 days by default"
            return diagnostic(
                .warning,
                "\(queue.logicalID) is drained by \(consumer.function.key) but has no dead-letter queue: a message that keeps failing is retried until it expires (\(retention)) and is lost. Add redrivePolicy: RedrivePolicy(deadLetterQueue: …)",
                path: context.path(queue) + ".Properties.RedrivePolicy", at: queue.location)
        }
    }
}
