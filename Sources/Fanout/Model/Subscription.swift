import OrderedCollections

/// A subscription of an endpoint to an SNS topic (`AWS::SNS::Subscription`).
public struct Subscription: Resource {
    /// How SNS delivers to the endpoint.
    public struct DeliveryProtocol: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let sqs: Self = "sqs"
        public static let lambda: Self = "lambda"
        public static let https: Self = "https"
        public static let email: Self = "email"
        /// E-mail carrying the whole notification as JSON.
        public static let emailJSON: Self = "email-json"
    }

    public let logicalID: String
    /// The topic's ARN.
    public var topicARN: Value
    public var deliveryProtocol: DeliveryProtocol
    /// The endpoint: for `sqs`, the queue's ARN (not its URL).
    public var endpoint: Value
    /// Deliver the published message itself instead of the SNS envelope; `nil` leaves the
    /// property out (SNS's default is off).
    public var rawMessageDelivery: Bool?
    /// Only messages that match this filter policy are delivered.
    public var filter: FilterPolicy?
    /// A dead-letter queue for deliveries SNS cannot make: the queue's ARN.
    public var deadLetterTargetARN: Value?
    public var dependsOn: [String] = []
    public let location: SourceLocation

    /// Subscribes `queue` to `topic`.
    public init(
        _ logicalID: String,
        topic: Topic,
        queue: Queue,
        rawMessageDelivery: Bool? = nil,
        filter: FilterPolicy? = nil,
        deadLetterQueue: Queue? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.init(
            logicalID, topicARN: topic.arn, protocol: .sqs, endpoint: queue.arn,
            rawMessageDelivery: rawMessageDelivery, filter: filter, deadLetterTargetARN: deadLetterQueue?.arn,
            file: file, line: line)
    }

    /// Subscribes any endpoint, the escape hatch for resources declared elsewhere.
    public init(
        _ logicalID: String,
        topicARN: Value,
        protocol deliveryProtocol: DeliveryProtocol,
        endpoint: Value,
        rawMessageDelivery: Bool? = nil,
        filter: FilterPolicy? = nil,
        deadLetterTargetARN: Value? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.filter = filter
        self.deadLetterTargetARN = deadLetterTargetARN
        self.topicARN = topicARN
        self.deliveryProtocol = deliveryProtocol
        self.endpoint = endpoint
        self.rawMessageDelivery = rawMessageDelivery
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::SNS::Subscription" }

    /// The `FilterPolicy` property: the filter's conditions.
    public var filterPolicy: Value? { filter?.value }

    /// The `FilterPolicyScope` property: written only for the message body, since message
    /// attributes are SNS's default.
    public var filterPolicyScope: FilterPolicyScope? { filter?.scope == .messageBody ? .messageBody : nil }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [
            "TopicArn": topicARN,
            "Protocol": .string(deliveryProtocol.rawValue),
            "Endpoint": endpoint,
        ]
        if let rawMessageDelivery { properties["RawMessageDelivery"] = .bool(rawMessageDelivery) }
        if let filterPolicy { properties["FilterPolicy"] = filterPolicy }
        if let filterPolicyScope { properties["FilterPolicyScope"] = .string(filterPolicyScope.rawValue) }
        if let deadLetterTargetARN { properties["RedrivePolicy"] = ["deadLetterTargetArn": deadLetterTargetARN] }
        return properties
    }
}

/// What an SNS filter policy is matched against.
public enum FilterPolicyScope: String, Hashable, Sendable {
    case messageAttributes = "MessageAttributes"
    case messageBody = "MessageBody"
}
