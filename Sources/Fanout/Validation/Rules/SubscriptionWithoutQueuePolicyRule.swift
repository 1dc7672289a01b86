/// FAN101: a queue subscribed to a topic without a policy that lets SNS send to it from that
/// topic. CloudFormation deploys it, and SNS drops every message silently.
public struct SubscriptionWithoutQueuePolicyRule: Rule {
    public let code = "FAN101"
    public let summary = "A subscribed queue's policy lets sns.amazonaws.com send from the topic"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard subscription.deliveryProtocol == .sqs,
                  let queue = context.queue(referencedBy: subscription.endpoint),
                  subscription.endpoint == queue.arn,
                  context.deliveryPolicy(to: queue, from: subscription.topicARN) == nil
            else { return nil }
            let topic = context.name(of: subscription.topicARN)
            let sources = context.allowedSources(of: queue)
            let problem = sources.isEmpty
                ? "no queue policy lets sns.amazonaws.com send to \(queue.logicalID)"
                : "\(queue.logicalID)'s policy lets SNS send only from \(sources.map(context.name(of:)).joined(separator: ", "))"
            return diagnostic(
                .error,
                "\(subscription.logicalID) subscribes \(queue.logicalID) to \(topic), but \(problem): SNS will drop every message silently. Add a QueuePolicy allowing sqs:SendMessage from sns.amazonaws.com with ArnEquals aws:SourceArn \(topic), or declare the edge with FanOut",
                path: context.path(subscription), at: subscription.location)
        }
    }
}
