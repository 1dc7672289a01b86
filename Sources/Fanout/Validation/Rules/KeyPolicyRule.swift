/// FAN107: a subscribed queue encrypted with a customer-managed ``KMSKey`` whose key policy
/// does not let SNS generate data keys for it: SNS cannot deliver a single message.
public struct KeyPolicyRule: Rule {
    public let code = "FAN107"
    public let summary = "A subscribed queue's customer-managed key lets SNS encrypt for it"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard subscription.deliveryProtocol == .sqs,
                  let queue = context.queue(referencedBy: subscription.endpoint),
                  case .kms(let keyID)? = queue.encryption,
                  let key = context.resource(referencedBy: keyID) as? KMSKey,
                  !key.admitsSNS(from: subscription.topicARN)
            else { return nil }
            return diagnostic(
                .error,
                "\(queue.logicalID) is encrypted with \(key.logicalID), whose key policy does not let sns.amazonaws.com use it (kms:GenerateDataKey, kms:Decrypt) for \(context.name(of: subscription.topicARN)): every delivery fails. Declare the key before the FanOut that uses it, or add the grant",
                path: context.path(key) + ".Properties.KeyPolicy", at: subscription.location)
        }
    }
}
