/// FAN831: a function whose log group keeps its events forever (no `logRetentionInDays`):
/// CloudWatch Logs' default, whose storage cost grows without bound (checkov CKV_AWS_66).
public struct LogRetentionRule: Rule {
    public let code = "FAN831"
    public let summary = "Functions' log groups have a retention period"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let provider = context.service.provider
        return context.service.functions.compactMap { function in
            guard function.effectiveLogRetention(in: provider) == nil else { return nil }
            return diagnostic(
                .note,
                "\(function.key)'s log group \(Naming.logGroupLogicalID(function.key)) keeps its logs forever, and their storage cost grows without bound. Set logRetentionInDays: on the Service (every function) or on the Function, such as .oneMonth",
                path: context.path(function) + ".logRetentionInDays", at: function.location)
        }
    }
}
