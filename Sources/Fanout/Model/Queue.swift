import OrderedCollections

/// An SQS queue (`AWS::SQS::Queue`).
public struct Queue: Resource {
    public let logicalID: String
    /// The physical queue name; CloudFormation generates one when it is `nil`. A FIFO
    /// queue's name ends in `.fifo`.
    public var name: Text?
    /// A FIFO queue: ordered, exactly-once processing.
    public var fifo: Bool
    /// Seconds a received message stays hidden from other consumers (0–43,200; AWS default 30).
    public var visibilityTimeout: Int?
    /// Seconds a message is kept (60–1,209,600).
    public var messageRetentionPeriod: Int?
    /// Seconds each message is delayed (0–900).
    public var delaySeconds: Int?
    /// Seconds a receive call waits for messages (0–20).
    public var receiveMessageWaitTime: Int?
    /// How the queue is encrypted; `nil` leaves the AWS default (SSE-SQS).
    public var encryption: QueueEncryption?
    /// Where messages go after `maxReceiveCount` failed receives.
    public var redrivePolicy: RedrivePolicy?
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(
        _ logicalID: String,
        name: Text? = nil,
        fifo: Bool = false,
        visibilityTimeout: Int? = nil,
        messageRetentionPeriod: Int? = nil,
        delaySeconds: Int? = nil,
        receiveMessageWaitTime: Int? = nil,
        encryption: QueueEncryption? = nil,
        redrivePolicy: RedrivePolicy? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.name = fifo ? name?.withFIFOSuffix : name
        self.fifo = fifo
        self.visibilityTimeout = visibilityTimeout
        self.messageRetentionPeriod = messageRetentionPeriod
        self.delaySeconds = delaySeconds
        self.receiveMessageWaitTime = receiveMessageWaitTime
        self.encryption = encryption
        self.redrivePolicy = redrivePolicy
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::SQS::Queue" }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [:]
        if let name { properties["QueueName"] = name.value }
        if fifo { properties["FifoQueue"] = true }
        if let visibilityTimeout { properties["VisibilityTimeout"] = .int(visibilityTimeout) }
        if let messageRetentionPeriod {
            properties["MessageRetentionPeriod"] = .int(messageRetentionPeriod)
        }
        if let delaySeconds { properties["DelaySeconds"] = .int(delaySeconds) }
        if let receiveMessageWaitTime {
            properties["ReceiveMessageWaitTimeSeconds"] = .int(receiveMessageWaitTime)
        }
        switch encryption {
        case .sqsManaged?: properties["SqsManagedSseEnabled"] = true
        case .kms(let key)?: properties["KmsMasterKeyId"] = key
        case nil: break
        }
        if let redrivePolicy { properties["RedrivePolicy"] = redrivePolicy.value }
        return properties
    }

    /// The queue's ARN: `!GetAtt Queue.Arn`. Subscriptions and event sources need this.
    public var arn: Value { .getAtt(logicalID, "Arn") }

    /// The queue's URL: `!Ref Queue`. Queue policies and the SQS API take this.
    public var url: Value { .ref(logicalID) }

    /// The queue's name: `!GetAtt Queue.QueueName`.
    public var queueName: Value { .getAtt(logicalID, "QueueName") }

    /// The visibility timeout SQS applies: the one set, or 30 s.
    public var effectiveVisibilityTimeout: Int { visibilityTimeout ?? 30 }
}

/// How an SQS queue encrypts messages at rest.
public enum QueueEncryption: Hashable, Sendable {
    /// SSE-SQS: keys owned by SQS; works with SNS subscriptions as it is.
    case sqsManaged
    /// SSE-KMS with this key (an ID, ARN or alias, or a reference to an `AWS::KMS::Key`).
    /// `alias/aws/sqs`, the AWS-managed key, can never receive from SNS.
    case kms(Value)

    /// The AWS-managed SQS key, whose policy cannot grant SNS access.
    public static let awsManagedKeyAlias = "alias/aws/sqs"
}

/// A queue's dead-letter settings (`RedrivePolicy`).
public struct RedrivePolicy: Hashable, Sendable {
    /// The dead-letter queue's ARN.
    public var deadLetterTargetARN: Value
    /// Receives before a message moves to the dead-letter queue (at least 1).
    public var maxReceiveCount: Int

    public init(deadLetterQueue: Queue, maxReceiveCount: Int = 5) {
        self.init(deadLetterTargetARN: deadLetterQueue.arn, maxReceiveCount: maxReceiveCount)
    }

    public init(deadLetterTargetARN: Value, maxReceiveCount: Int = 5) {
        self.deadLetterTargetARN = deadLetterTargetARN
        self.maxReceiveCount = maxReceiveCount
    }

    var value: Value {
        ["deadLetterTargetArn": deadLetterTargetARN, "maxReceiveCount": .int(maxReceiveCount)]
    }
}
