/// FAN106: a subscribed queue encrypted with the AWS-managed key `alias/aws/sqs`, whose key
/// policy can never let SNS encrypt messages for it.
public struct ManagedKeyRule: Rule {
    public let code = "FAN106"
    public let summary = "Subscribed queues do not use the AWS-managed key alias/aws/sqs"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queues.compactMap { queue in
            guard case .kms(let key)? = queue.encryption, Self.isAWSManaged(key),
                  let subscription = context.subscriptions(to: queue).first
            else { return nil }
            return diagnostic(
                .error,
                "\(queue.logicalID) is encrypted with the AWS-managed key alias/aws/sqs, whose policy cannot admit SNS: every message from \(subscription.logicalID) is lost. Use SSE-SQS (encryption: .sqsManaged) or a customer-managed KMS key",
                path: context.path(queue) + ".Properties.KmsMasterKeyId", at: queue.location)
        }
    }

    static func isAWSManaged(_ key: Value) -> Bool {
        guard case .string(let text) = key else { return false }
        return text == QueueEncryption.awsManagedKeyAlias || text.hasSuffix(":" + QueueEncryption.awsManagedKeyAlias)
    }
}
