/// How an SNS topic encrypts messages at rest (`KmsMasterKeyId`).
///
/// SNS encrypts a message when it receives it and decrypts it just before delivery, so
/// subscribers (SQS queues) need nothing from the topic's key; whoever publishes needs
/// `kms:GenerateDataKey` and `kms:Decrypt` on it (AWS, "Managing Amazon SNS encryption keys":
/// docs.aws.amazon.com/sns/latest/dg/sns-key-management.html). ``Publishes`` derives that grant.
public enum TopicEncryption: Hashable, Sendable {
    /// The AWS-managed key for SNS, `alias/aws/sns`: its key policy admits every principal of
    /// the account that calls through SNS, so publishing functions need no grant; AWS services
    /// that publish (CloudWatch alarms, EventBridge) cannot use it.
    case awsManaged
    /// A customer-managed key: a reference to a ``KMSKey`` (`key.id`), or a key ID, ARN or
    /// alias of a key declared elsewhere.
    case kms(Value)

    /// Encryption with a customer-managed ``KMSKey`` the service declares.
    public static func kms(_ key: KMSKey) -> TopicEncryption { .kms(key.id) }

    /// The alias of the AWS-managed SNS key.
    public static let awsManagedKeyAlias = "alias/aws/sns"

    /// The topic's `KmsMasterKeyId`.
    public var keyID: Value {
        switch self {
        case .awsManaged: .string(Self.awsManagedKeyAlias)
        case .kms(let key): key
        }
    }
}
