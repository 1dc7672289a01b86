import OrderedCollections

/// A CloudWatch alarm on one metric (`AWS::CloudWatch::Alarm`), such as the alarms
/// ``FanOut`` derives for its consumers' queues.
///
/// ```swift
/// Alarm("BillingDeadLetterQueueAlarm", metric: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS",
///       dimensions: ["QueueName": deadLetterQueue.queueName], threshold: 0, actions: [alarmTopic.arn])
/// ```
public struct Alarm: Resource {
    public let logicalID: String
    /// The physical alarm name; CloudFormation generates one when it is `nil`.
    public var name: Text?
    public var description: String?
    /// The metric's namespace, such as `AWS/SQS`.
    public var namespace: String
    /// The metric's name, such as `ApproximateNumberOfMessagesVisible`.
    public var metric: String
    /// The metric's dimensions, in output order: for SQS, `QueueName` (the queue's name, not
    /// its URL or ARN).
    public var dimensions: OrderedDictionary<String, Value>
    /// `Maximum`, `Average`, `Sum`, `Minimum` or `SampleCount`.
    public var statistic: String
    /// Seconds per data point (10, 30 or a multiple of 60).
    public var period: Int
    /// How many periods in a row must breach before the alarm fires.
    public var evaluationPeriods: Int
    public var threshold: Int
    /// `GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold`, ….
    public var comparison: String
    /// `notBreaching`, `breaching`, `ignore` or `missing`; `nil` leaves AWS's default (`missing`).
    public var treatMissingData: String?
    /// Where notifications go when the alarm fires: topic ARNs.
    public var actions: [Value]
    /// Where notifications go when it recovers; empty for none.
    public var okActions: [Value]
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(
        _ logicalID: String,
        name: Text? = nil,
        description: String? = nil,
        metric: String,
        namespace: String,
        dimensions: OrderedDictionary<String, Value> = [:],
        statistic: String = "Maximum",
        period: Int = 60,
        evaluationPeriods: Int = 1,
        threshold: Int,
        comparison: String = "GreaterThanThreshold",
        treatMissingData: String? = "notBreaching",
        actions: [Value] = [],
        okActions: [Value] = [],
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.name = name
        self.description = description
        self.metric = metric
        self.namespace = namespace
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.threshold = threshold
        self.comparison = comparison
        self.treatMissingData = treatMissingData
        self.actions = actions
        self.okActions = okActions
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::CloudWatch::Alarm" }

    public var properties: OrderedDictionary<String, Value> {
        var properties: OrderedDictionary<String, Value> = [:]
        if let name { properties["AlarmName"] = name.value }
        if let description { properties["AlarmDescription"] = .string(description) }
        properties["Namespace"] = .string(namespace)
        properties["MetricName"] = .string(metric)
        if !dimensions.isEmpty {
            properties["Dimensions"] = .list(dimensions.map { ["Name": .string($0.key), "Value": $0.value] })
        }
        properties["Statistic"] = .string(statistic)
        properties["Period"] = .int(period)
        properties["EvaluationPeriods"] = .int(evaluationPeriods)
        properties["Threshold"] = .int(threshold)
        properties["ComparisonOperator"] = .string(comparison)
        if let treatMissingData { properties["TreatMissingData"] = .string(treatMissingData) }
        if !actions.isEmpty { properties["AlarmActions"] = .list(actions) }
        if !okActions.isEmpty { properties["OKActions"] = .list(okActions) }
        return properties
    }
}
