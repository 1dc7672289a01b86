/// FAN203: batch size, batching window and maximum concurrency of an `sqs` event outside
/// what Lambda accepts.
public struct EventSourceSettingsRule: Rule {
    public let code = "FAN203"
    public let summary = "SQS event batch size, batching window and concurrency are in range"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.sqsEvents.flatMap { function, event -> [Diagnostic] in
            var problems: [String] = []
            let window = event.maximumBatchingWindow ?? 0
            if let batchSize = event.batchSize {
                if window == 0 && !LambdaSettings.batchSizeRange.contains(batchSize) {
                    problems.append("batch size \(batchSize) must be 1–10 without a batching window (up to 10,000 with one)")
                } else if window > 0 && !LambdaSettings.windowedBatchSizeRange.contains(batchSize) {
                    problems.append("batch size \(batchSize) must be 1–10,000")
                }
            }
            if !LambdaSettings.batchingWindowRange.contains(window) {
                problems.append("batching window \(window) s must be 0–300 s")
            }
            if let concurrency = event.maximumConcurrency, !LambdaSettings.maximumConcurrencyRange.contains(concurrency) {
                problems.append("maximum concurrency \(concurrency) must be 2–1,000")
            }
            return problems.map {
                diagnostic(.error, "the sqs event of \(function.key): \($0)", path: context.path(function) + ".events", at: event.location)
            }
        }
    }
}
