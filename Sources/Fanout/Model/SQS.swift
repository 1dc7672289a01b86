/// An SQS queue that the function drains (`sqs` event, an event source mapping).
public struct SQS: FunctionComponent, Hashable {
    /// The queue's ARN.
    public var arn: Value
    /// Messages per invocation; `nil` leaves the default, 10.
    public var batchSize: Int?
    /// Seconds to gather a batch (0–300); `nil` leaves it out.
    public var maximumBatchingWindow: Int?
    /// The most concurrent invocations this source drives (2–1,000); `nil` leaves no cap.
    public var maximumConcurrency: Int?
    /// The handler reports the failed messages of a batch (`batchItemFailures`) so only those
    /// are retried.
    public var reportBatchItemFailures: Bool
    public let location: SourceLocation

    /// What every function may do with the queues it drains, as the Serverless Framework
    /// grants it.
    public static let consumerActions = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]

    /// Drains `queue`.
    public init(_ queue: Queue, batchSize: Int? = nil, maximumBatchingWindow: Int? = nil,
                maximumConcurrency: Int? = nil, reportBatchItemFailures: Bool = false,
                file: String = #filePath, line: Int = #line) {
        self.init(arn: queue.arn, batchSize: batchSize, maximumBatchingWindow: maximumBatchingWindow,
                  maximumConcurrency: maximumConcurrency, reportBatchItemFailures: reportBatchItemFailures,
                  file: file, line: line)
    }

    /// Drains the queue with this ARN, the escape hatch for queues declared elsewhere.
    public init(arn: Value, batchSize: Int? = nil, maximumBatchingWindow: Int? = nil,
                maximumConcurrency: Int? = nil, reportBatchItemFailures: Bool = false,
                file: String = #filePath, line: Int = #line) {
        self.arn = arn
        self.batchSize = batchSize
        self.maximumBatchingWindow = maximumBatchingWindow
        self.maximumConcurrency = maximumConcurrency
        self.reportBatchItemFailures = reportBatchItemFailures
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to function: inout Function) {
        function.events.append(.sqs(self))
    }

    /// The batch size Lambda uses: the one given, or 10.
    public var effectiveBatchSize: Int { batchSize ?? 10 }
}
