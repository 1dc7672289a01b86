/// FAN109: a queue policy that lists no queue. `Queues` is a required property of
/// `AWS::SQS::QueuePolicy`; an empty list applies the statements to nothing, so whatever
/// they were meant to allow is silently lost.
public struct EmptyQueuePolicyRule: Rule {
    public let code = "FAN109"
    public let summary = "Queue policies list at least one queue"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queuePolicies.filter(\.queues.isEmpty).map { policy in
            diagnostic(
                .error, "\(policy.logicalID) lists no queue, so its statements apply to nothing (AWS::SQS::QueuePolicy requires Queues); pass the queues it is for (QueuePolicy(_:queues: [queue]) { … }) or remove it",
                path: context.path(policy) + ".Properties.Queues", at: policy.location)
        }
    }
}
