/// FAN832: a topic that stores messages unencrypted at rest, SNS's default (checkov
/// CKV_AWS_26).
public struct TopicEncryptionRule: Rule {
    public let code = "FAN832"
    public let summary = "Topics encrypt messages at rest"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.topics.compactMap { topic in
            guard topic.encryption == nil else { return nil }
            return diagnostic(
                .note,
                "\(topic.logicalID) keeps messages unencrypted at rest until it delivers them. Set encryption: .kms(key) with a KMSKey the service declares (Publishes(to:) grants publishers the key) or .awsManaged (alias/aws/sns)",
                path: context.path(topic) + ".Properties.KmsMasterKeyId", at: topic.location)
        }
    }
}
