/// FAN202: a queue whose visibility timeout is below AWS's recommendation for a Lambda
/// consumer, 6 × the function's timeout plus the batching window, so messages can become
/// visible again and be processed twice while a retry is still running.
public struct RecommendedVisibilityRule: Rule {
    public let code = "FAN202"
    public let summary = "A queue's visibility timeout is at least 6 × its consumer's timeout + batching window"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.sqsEvents.compactMap { function, event in
            guard let queue = context.queue(referencedBy: event.arn) else { return nil }
            let timeout = function.effectiveTimeout(in: context.service.provider)
            let window = event.maximumBatchingWindow ?? 0
            // Settings Lambda refuses are FAN402's and FAN203's findings: no advice from them.
            guard LambdaSettings.timeoutRange.contains(timeout),
                  LambdaSettings.batchingWindowRange.contains(window)
            else { return nil }
            let recommended = LambdaSettings.recommendedVisibilityTimeout(timeout: timeout, batchingWindow: window)
            let visibility = queue.effectiveVisibilityTimeout
            guard visibility >= timeout, visibility < recommended else { return nil }
            return diagnostic(
                .warning,
                "\(queue.logicalID)'s visibility timeout (\(visibility) s) is below the \(recommended) s AWS recommends for \(function.key) (6 × \(timeout) s timeout + \(window) s batching window): a message may be delivered again while it is still being retried",
                path: context.path(queue) + ".Properties.VisibilityTimeout", at: queue.location)
        }
    }
}
