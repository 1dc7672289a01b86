import OrderedCollections

/// A customer-managed KMS key (`AWS::KMS::Key`) whose key policy lets the account administer
/// it and lets the services in ``grants`` use it. A ``FanOut`` whose consumers encrypt with
/// this key adds the grant SNS needs to encrypt messages for their queues.
public struct KMSKey: Resource {
    public let logicalID: String
    public var description: String?
    /// Key policy statements after the account's own.
    public var grants: [Statement]
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(_ logicalID: String, description: String? = nil, grants: [Statement] = [],
                file: String = #filePath, line: Int = #line) {
        self.logicalID = logicalID
        self.description = description
        self.grants = grants
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::KMS::Key" }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [:]
        if let description { properties["Description"] = .string(description) }
        properties["EnableKeyRotation"] = true
        let account = Statement(
            sid: "AccountAdministersTheKey", principal: .aws(.one(.sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"))),
            actions: "kms:*", resources: .one("*"), file: location.file, line: location.line)
        properties["KeyPolicy"] = PolicyDocument([account] + grants).value
        return properties
    }

    /// The key's ARN: `!GetAtt Key.Arn`, for IAM statements.
    public var arn: Value { .getAtt(logicalID, "Arn") }

    /// The key's ID: `!Ref Key`, for a queue's `KmsMasterKeyId`.
    public var id: Value { .ref(logicalID) }

    /// What encrypting with the key takes, for SNS delivering to a queue encrypted with it and
    /// for a publisher to a topic encrypted with it: a data key, and decrypting it.
    static let useActions: OneOrMany<String> = ["kms:GenerateDataKey", "kms:Decrypt"]

    /// Whether the key policy lets `sns.amazonaws.com` encrypt for queues on behalf of
    /// `topicARN`: ``useActions``.
    public func admitsSNS(from topicARN: Value) -> Bool {
        Self.useActions.elements.allSatisfy { action in
            grants.contains { $0.letsSNS(action, from: topicARN) }
        }
    }
}
