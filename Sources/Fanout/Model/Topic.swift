import OrderedCollections

/// An SNS topic (`AWS::SNS::Topic`).
public struct Topic: Resource {
    public let logicalID: String
    /// The physical topic name; CloudFormation generates one when it is `nil`. A FIFO
    /// topic's name ends in `.fifo`.
    public var name: Text?
    public var displayName: String?
    /// A FIFO topic: ordered delivery, to SQS queues only.
    public var fifo: Bool
    /// How messages are encrypted at rest; `nil` leaves them unencrypted (SNS's default).
    public var encryption: TopicEncryption?
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(
        _ logicalID: String,
        name: Text? = nil,
        displayName: String? = nil,
        fifo: Bool = false,
        encryption: TopicEncryption? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.name = fifo ? name?.withFIFOSuffix : name
        self.displayName = displayName
        self.fifo = fifo
        self.encryption = encryption
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::SNS::Topic" }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [:]
        if let name { properties["TopicName"] = name.value }
        if let displayName { properties["DisplayName"] = .string(displayName) }
        if fifo { properties["FifoTopic"] = true }
        if let encryption { properties["KmsMasterKeyId"] = encryption.keyID }
        return properties
    }

    /// The topic's ARN: `!Ref Topic` (a topic has no `Arn` attribute).
    public var arn: Value { .ref(logicalID) }

    /// The topic's name: `!GetAtt Topic.TopicName`.
    public var topicName: Value { .getAtt(logicalID, "TopicName") }
}
