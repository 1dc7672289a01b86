/// FAN103: an `sqs` subscription whose endpoint is the queue's URL (`!Ref Queue`); SNS needs
/// the queue's ARN (`!GetAtt Queue.Arn`).
public struct EndpointIsQueueURLRule: Rule {
    public let code = "FAN103"
    public let summary = "An sqs subscription's endpoint is the queue's ARN, not its URL"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard subscription.deliveryProtocol == .sqs,
                  let queue = context.queue(referencedBy: subscription.endpoint),
                  subscription.endpoint == queue.url
            else { return nil }
            return diagnostic(
                .error,
                "\(subscription.logicalID)'s endpoint is \(queue.logicalID)'s URL (!Ref); an sqs subscription needs the queue's ARN: use queue.arn (!GetAtt \(queue.logicalID).Arn)",
                path: context.path(subscription) + ".Endpoint", at: subscription.location)
        }
    }
}
