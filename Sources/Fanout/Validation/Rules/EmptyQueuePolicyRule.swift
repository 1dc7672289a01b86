/// FAN109: a queue policy that lists no queue; CloudFormation requires at least one.
public struct EmptyQueuePolicyRule: Rule {
    public let code = "FAN109"
    public let summary = "Queue policies list at least one queue"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queuePolicies.filter(\.queues.isEmpty).map { policy in
            diagnostic(
                .error, "\(policy.logicalID) lists no queue; AWS::SQS::QueuePolicy needs at least one in Queues; pass the queues it is for (QueuePolicy(_:queues: [queue]) { … }) or remove it",
                path: context.path(policy) + ".Properties.Queues", at: policy.location)
        }
    }
}
