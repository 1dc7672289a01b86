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
            // AWS counts the policy with every reference resolved: measure it with an ARN of
            // the longest usual shape in place of each Ref and GetAtt.
            let document = Self.withEstimatedARNs(PolicyDocument(policy.statements).value, context)
            // Counted from the value tree, exactly what the compact rendering would take,
            // without rendering it (the check stage has refused values too deep to walk).
            let bytes = JSONRenderer(compact: true).byteCount(of: document)
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

    /// `value` with each reference replaced by an ARN as long as the resource's would be:
    /// `arn:aws:<service>:ap-southeast-2:123456789012:<name>`, the name resolved where it is
    /// known and as long as a queue name may be where it is not.
    static func withEstimatedARNs(_ value: Value, _ context: ValidationContext) -> Value {
        switch value {
        case .ref(let id), .getAtt(let id, _):
            let resource = context.resource(id)
            let service = resource?.type.split(separator: ":").dropFirst(2).first?.lowercased() ?? "sns"
            let name: Text? = (resource as? Topic)?.name ?? (resource as? Queue)?.name
            let resolved = name.flatMap(context.resolve) ?? String(repeating: "x", count: AWSName.queueLimit)
            return .string("arn:aws:\(service):ap-southeast-2:123456789012:\(resolved)")
        case .list(let items): return .list(items.map { withEstimatedARNs($0, context) })
        case .map(let map): return .map(map.mapValues { withEstimatedARNs($0, context) })
        default: return value
        }
    }
}
