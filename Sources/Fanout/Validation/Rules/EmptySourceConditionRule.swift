/// FAN108: a queue-policy statement whose `aws:SourceArn` condition lists no topic at all, as
/// `FanOut(from: [])` leaves behind: no topic can ever deliver to the queue.
public struct EmptySourceConditionRule: Rule {
    public let code = "FAN108"
    public let summary = "Queue-policy source conditions name at least one topic (a FanOut has a topic)"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queuePolicies.flatMap { policy in
            policy.statements.filter(\.hasEmptySourceCondition).map { statement in
                let queues = policy.queues.compactMap(context.queue(referencedBy:))
                let names = queues.isEmpty ? "its queues" : queues.map(\.logicalID).joined(separator: ", ")
                let subscribed = queues.contains { !context.subscriptions(to: $0).isEmpty }
                let message = subscribed
                    ? "a statement of \(policy.logicalID) admits SNS only from an empty aws:SourceArn list, so no topic can deliver to \(names) and its subscriptions fail; list the topics in the condition"
                    : "FanOut has no topic: \(policy.logicalID) admits SNS only from an empty aws:SourceArn list and nothing subscribes \(names), so its consumers never receive a message; pass the topics to FanOut(from: [topic, …]), or remove the consumers"
                return diagnostic(.error, message, path: context.path(policy) + ".PolicyDocument", at: statement.location)
            }
        }
    }
}

extension Statement {
    /// Whether a clause on `aws:SourceArn` lists no value: the statement admits no source.
    var hasEmptySourceCondition: Bool {
        condition?.merged.contains { $0.key.lowercased() == "aws:sourcearn" && $0.values.elements.isEmpty } ?? false
    }
}
