/// FAN402: numeric settings outside AWS's ranges: queue timers, dead-letter receive counts,
/// function memory and timeout, and the 4 KB environment.
public struct RangeRule: Rule {
    public let code = "FAN402"
    public let summary = "Queue and function settings are within AWS's ranges"
    public init() {}
    public var readsTarget: Bool { false }

    /// The environment's size limit: keys and values together, in bytes.
    public static let environmentLimit = 4096

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ value: Int?, _ range: ClosedRange<Int>, _ what: String, path: String, at location: SourceLocation) {
            guard let value, !range.contains(value) else { return }
            found.append(diagnostic(.error, "\(what) is \(value); it must be \(range.lowerBound)–\(range.upperBound)",
                                    path: path, at: location))
        }
        for queue in context.queues {
            let path = context.path(queue) + ".Properties"
            check(queue.visibilityTimeout, 0...43_200, "\(queue.logicalID)'s visibility timeout", path: path + ".VisibilityTimeout", at: queue.location)
            check(queue.messageRetentionPeriod, 60...1_209_600, "\(queue.logicalID)'s message retention period", path: path + ".MessageRetentionPeriod", at: queue.location)
            check(queue.delaySeconds, 0...900, "\(queue.logicalID)'s delay", path: path + ".DelaySeconds", at: queue.location)
            check(queue.receiveMessageWaitTime, 0...20, "\(queue.logicalID)'s receive wait time", path: path + ".ReceiveMessageWaitTimeSeconds", at: queue.location)
            check(queue.redrivePolicy?.maxReceiveCount, 1...1000, "\(queue.logicalID)'s maxReceiveCount", path: path + ".RedrivePolicy", at: queue.location)
        }
        let provider = context.service.provider
        for function in context.service.functions {
            let path = context.path(function)
            check(function.effectiveMemorySize(in: provider), LambdaSettings.memorySizeRange, "\(function.key)'s memory size in MB", path: path + ".memorySize", at: function.location)
            check(function.effectiveTimeout(in: provider), LambdaSettings.timeoutRange, "\(function.key)'s timeout in seconds", path: path + ".timeout", at: function.location)
            let size = function.environment.reduce(0) { $0 + $1.key.utf8.count + Self.literalSize($1.value) }
            if size > Self.environmentLimit {
                found.append(diagnostic(
                    .error, "\(function.key)'s environment is at least \(size) bytes; Lambda allows \(Self.environmentLimit)",
                    path: path + ".environment", at: function.location))
            }
        }
        return found
    }

    /// The bytes a value takes at least: its literal text (references count as nothing).
    private static func literalSize(_ value: Value) -> Int {
        switch value {
        case .string(let string): string.utf8.count
        case .text(let text): text.description.utf8.count
        case .int(let int): String(int).utf8.count
        default: 0
        }
    }
}
