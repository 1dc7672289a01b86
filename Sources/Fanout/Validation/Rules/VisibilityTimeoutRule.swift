/// FAN201: a queue whose visibility timeout is shorter than its consumer's timeout. Lambda
/// refuses to create the event source mapping, so the deploy fails.
public struct VisibilityTimeoutRule: Rule {
    public let code = "FAN201"
    public let summary = "A queue's visibility timeout is at least its consumer's timeout"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.sqsEvents.compactMap { function, event in
            guard let queue = context.queue(referencedBy: event.arn) else { return nil }
            let timeout = function.effectiveTimeout(in: context.service.provider)
            // A timeout Lambda refuses anyway is FAN402's finding, not a comparison to make.
            guard LambdaSettings.timeoutRange.contains(timeout),
                  queue.effectiveVisibilityTimeout < timeout
            else { return nil }
            let recommended = LambdaSettings.recommendedVisibilityTimeout(
                timeout: timeout, batchingWindow: event.maximumBatchingWindow)
            let advice = LambdaSettings.batchingWindowRange.contains(event.maximumBatchingWindow ?? 0)
                ? "at least \(recommended) s (6 × timeout + batching window)" : "at least 6 × the timeout + the batching window"
            return diagnostic(
                .error,
                "\(queue.logicalID)'s visibility timeout (\(queue.effectiveVisibilityTimeout) s) is less than \(function.key)'s timeout (\(timeout) s): Lambda refuses the event source mapping. Set visibilityTimeout to \(advice)",
                path: context.path(queue) + ".Properties.VisibilityTimeout", at: queue.location)
        }
    }
}
