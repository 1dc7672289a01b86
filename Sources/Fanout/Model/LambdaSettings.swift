/// Facts about a Lambda function's settings that several parts of Fanout use, each written
/// once: the defaults Fanout assumes when a description leaves a setting out, the ranges
/// Lambda accepts, and the queue visibility timeout AWS recommends for a consumer.
public enum LambdaSettings {
    /// A function's timeout when neither it nor the provider sets one, in seconds: the
    /// Serverless Framework's default (Lambda's own is 3).
    public static let defaultTimeout = 6

    /// A function's memory when neither it nor the provider sets it, in MB: the Serverless
    /// Framework's default (Lambda's own is 128).
    public static let defaultMemorySize = 1024

    /// The timeouts Lambda accepts, in seconds.
    public static let timeoutRange = 1...900

    /// The memory sizes Lambda accepts, in MB.
    public static let memorySizeRange = 128...10_240

    /// The batching windows an SQS event source accepts, in seconds.
    public static let batchingWindowRange = 0...300

    /// The batch sizes an SQS event source accepts without a batching window (and from a FIFO
    /// queue).
    public static let batchSizeRange = 1...10

    /// The batch sizes an SQS event source accepts with a batching window.
    public static let windowedBatchSizeRange = 1...10_000

    /// The maximum concurrency an SQS event source accepts.
    public static let maximumConcurrencyRange = 2...1000

    /// The visibility timeout AWS recommends for a queue that feeds a Lambda function:
    /// 6 × the function's timeout + the event source's batching window, in seconds.
    ///
    /// The arithmetic saturates instead of trapping: a timeout or window far outside
    /// Lambda's ranges gives `Int.max` (or `Int.min`); ``RangeRule`` and FAN203 report the
    /// setting itself.
    public static func recommendedVisibilityTimeout(timeout: Int, batchingWindow: Int?) -> Int {
        let (sixTimes, overflow) = timeout.multipliedReportingOverflow(by: 6)
        if overflow { return timeout < 0 ? .min : .max }
        let window = batchingWindow ?? 0
        let (sum, sumOverflow) = sixTimes.addingReportingOverflow(window)
        if sumOverflow { return window < 0 ? .min : .max }
        return sum
    }
}
