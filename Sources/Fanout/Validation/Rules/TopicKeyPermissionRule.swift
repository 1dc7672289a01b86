/// FAN833: a function that publishes to a topic encrypted with a customer-managed ``KMSKey``
/// the service declares, without `kms:GenerateDataKey` and `kms:Decrypt` on that key: SNS
/// asks KMS for a data key as the publisher, so every publish fails with KMS AccessDenied
/// (AWS, "Managing Amazon SNS encryption keys"). `Publishes(to:)` grants both; a topic
/// named in an `Environment` with a hand-written `sns:Publish` statement does not.
public struct TopicKeyPermissionRule: Rule {
    public let code = "FAN833"
    public let summary = "A function that publishes to an encrypted topic may use the topic's key"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.service.functions.flatMap { function -> [Diagnostic] in
            context.publishedTopics(of: function).compactMap { topic in
                guard case .kms(let keyID)? = topic.encryption,
                      let key = context.resource(referencedBy: keyID) as? KMSKey
                else { return nil }
                let statements = context.statements(for: function)
                let missing = KMSKey.useActions.elements.filter { action in
                    !statements.contains { $0.allows(action) && $0.covers(key.arn) }
                }
                guard !missing.isEmpty else { return nil }
                return diagnostic(
                    .error,
                    "\(function.key) publishes to \(topic.logicalID), encrypted with \(key.logicalID), but no IAM statement allows \(missing.joined(separator: " and ")) on the key: every publish fails with KMS AccessDenied. Publish with Publishes(to:), which grants it, or allow kms:GenerateDataKey and kms:Decrypt on \(key.logicalID).arn",
                    path: context.path(function) + ".environment", at: function.location)
            }
        }
    }
}
