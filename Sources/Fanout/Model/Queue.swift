import OrderedCollections

/// An SQS queue (`AWS::SQS::Queue`).
public struct Queue: Resource {
    public let logicalID: String
    /// The physical queue name; CloudFormation generates one when it is `nil`.
    public var name: Text?
    /// Seconds a received message stays hidden from other consumers (0–43,200).
    public var visibilityTimeout: Int?
    /// Seconds a message is kept (60–1,209,600).
    public var messageRetentionPeriod: Int?
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(
        _ logicalID: String,
        name: Text? = nil,
        visibilityTimeout: Int? = nil,
        messageRetentionPeriod: Int? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.name = name
        self.visibilityTimeout = visibilityTimeout
        self.messageRetentionPeriod = messageRetentionPeriod
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::SQS::Queue" }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [:]
        if let name { properties["QueueName"] = name.value }
        if let visibilityTimeout { properties["VisibilityTimeout"] = .int(visibilityTimeout) }
        if let messageRetentionPeriod {
            properties["MessageRetentionPeriod"] = .int(messageRetentionPeriod)
        }
        return properties
    }

    /// The queue's ARN: `!GetAtt Queue.Arn`. Subscriptions and event sources need this.
    public var arn: Value { .getAtt(logicalID, "Arn") }

    /// The queue's URL: `!Ref Queue`. Queue policies and the SQS API take this.
    public var url: Value { .ref(logicalID) }

    /// The queue's name: `!GetAtt Queue.QueueName`.
    public var queueName: Value { .getAtt(logicalID, "QueueName") }
}
