/// FAN406: a queue policy over SQS's limits, 20 statements and 8,192 bytes. Fan-in belongs
/// in one statement that lists every source topic, not in a statement per topic.
public struct QueuePolicySizeRule: Rule {
    public let code = "FAN406"
    public let summary = "Queue policies have at most 20 statements and 8,192 bytes"
    public init() {}

    public static let statementLimit = 20
    public static let byteLimit = 8192

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queuePolicies.compactMap { policy in
            // References count at their template size here; AWS counts the resolved ARNs,
            // which are longer, so this errs on the side of passing.
            let bytes = JSONRenderer(compact: true).render(PolicyDocument(policy.statements).value).utf8.count
            var problems: [String] = []
            if policy.statements.count > Self.statementLimit {
                problems.append("\(policy.statements.count) statements (SQS allows \(Self.statementLimit))")
            }
            if bytes > Self.byteLimit {
                problems.append("at least \(bytes) bytes (SQS allows \(Self.byteLimit))")
            }
            guard !problems.isEmpty else { return nil }
            return diagnostic(
                .error, "\(policy.logicalID) has \(problems.joined(separator: " and ")); put several topics in one statement's aws:SourceArn list",
                path: context.path(policy) + ".Properties.PolicyDocument", at: policy.location)
        }
    }
}
