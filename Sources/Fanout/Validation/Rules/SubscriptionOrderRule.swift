/// FAN104: a subscription that does not depend on the queue policy it needs. A reference
/// does not order them, so SNS may start delivering before the policy exists.
public struct SubscriptionOrderRule: Rule {
    public let code = "FAN104"
    public let summary = "A subscription DependsOn the queue policy that admits it"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard subscription.deliveryProtocol == .sqs,
                  let queue = context.queue(referencedBy: subscription.endpoint),
                  let policy = context.deliveryPolicy(to: queue, from: subscription.topicARN),
                  !subscription.dependsOn.contains(policy.logicalID)
            else { return nil }
            return diagnostic(
                .warning,
                "\(subscription.logicalID) does not depend on \(policy.logicalID): CloudFormation may create the subscription first, and SNS drops what it delivers before the policy exists. Add .dependsOn(\(policy.logicalID))",
                path: context.path(subscription) + ".DependsOn", at: subscription.location)
        }
    }
}
