/// FAN107: a subscribed queue encrypted with a customer-managed ``KMSKey`` whose key policy
/// does not let SNS generate data keys for it: SNS cannot deliver a single message. A key
/// declared outside the model gets a note: its policy cannot be checked here.
public struct KeyPolicyRule: Rule {
    public let code = "FAN107"
    public let summary = "A subscribed queue's customer-managed key lets SNS encrypt for it"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard subscription.deliveryProtocol == .sqs,
                  let queue = context.queue(referencedBy: subscription.endpoint),
                  case .kms(let keyID)? = queue.encryption, !ManagedKeyRule.isAWSManaged(keyID)
            else { return nil }
            guard let key = context.resource(referencedBy: keyID) as? KMSKey else {
                return diagnostic(
                    .note,
                    "\(queue.logicalID) is encrypted with a key Fanout does not declare: its key policy must let sns.amazonaws.com use kms:GenerateDataKey and kms:Decrypt (for \(context.name(of: subscription.topicARN))), or SNS cannot deliver",
                    path: context.path(queue) + ".Properties.KmsMasterKeyId", at: subscription.location)
            }
            guard !key.admitsSNS(from: subscription.topicARN) else { return nil }
            return diagnostic(
                .error,
                "\(queue.logicalID) is encrypted with \(key.logicalID), whose key policy does not let sns.amazonaws.com use it (kms:GenerateDataKey, kms:Decrypt) for \(context.name(of: subscription.topicARN)): every delivery fails. Add a statement that lets sns.amazonaws.com use kms:GenerateDataKey and kms:Decrypt with aws:SourceArn the topic",
                path: context.path(key) + ".Properties.KeyPolicy", at: subscription.location)
        }
    }
}
