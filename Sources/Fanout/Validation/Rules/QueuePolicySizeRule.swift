/// FAN406: a queue policy over SQS's limits, 20 statements and 8,192 bytes. Fan-in belongs
/// in one statement that lists every source topic, not in a statement per topic.
public struct QueuePolicySizeRule: Rule {
    public let code = "FAN406"
    public let summary = "Queue policies have at most 20 statements and 8,192 bytes"
    public init() {}
    public var readsTarget: Bool { false }

    public static let statementLimit = 20
    public static let byteLimit = 8192

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var estimate = EstimatedSize(context)
        return context.queuePolicies.compactMap { policy in
            // AWS counts the policy with every reference resolved: measured with an ARN of the
            // longest usual shape in place of each Ref and GetAtt (``estimatedARN(_:_:)``).
            let bytes = estimate.bytes(of: PolicyDocument(policy.statements).value)
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

    /// The ARN a reference to `id` stands for when measuring:
    /// `arn:aws:<service>:ap-southeast-2:123456789012:<name>`, the name resolved where it is
    /// known and as long as a queue name may be where it is not.
    static func estimatedARN(_ id: String, _ context: ValidationContext) -> String {
        let resource = context.resource(id)
        let service = resource?.type.split(separator: ":").dropFirst(2).first?.lowercased() ?? "sns"
        let name: Text? = (resource as? Topic)?.name ?? (resource as? Queue)?.name
        let resolved = name.flatMap(context.resolve) ?? String(repeating: "x", count: AWSName.queueLimit)
        return "arn:aws:\(service):ap-southeast-2:123456789012:\(resolved)"
    }

    /// The bytes of a value's compact JSON rendering with each `Ref` and `GetAtt` outside other
    /// intrinsics replaced by its ``estimatedARN(_:_:)`` (a string), counted without building
    /// the replaced value; each logical ID's ARN is measured once (a fan-out's policies name
    /// the same topic again and again).
    private struct EstimatedSize {
        let context: ValidationContext
        let renderer = JSONRenderer(compact: true)
        var arnBytes: [String: Int] = [:]

        init(_ context: ValidationContext) {
            self.context = context
        }

        mutating func bytes(of value: Value) -> Int {
            switch value {
            case .ref(let id), .getAtt(let id, _):
                if let known = arnBytes[id] { return known }
                let bytes = renderer.byteCount(of: .string(estimatedARN(id, context)))
                arnBytes[id] = bytes
                return bytes
            case .list(let items):
                var content = 0
                for item in items { content += bytes(of: item) }
                return Self.container(items.count, content)
            case .map(let map):
                var content = 0
                // Each key, its colon, its value.
                for (key, item) in map { content += renderer.byteCount(of: .string(key)) + 1 + bytes(of: item) }
                return Self.container(map.count, content)
            default:
                return renderer.byteCount(of: value)
            }
        }

        /// Compact brackets around `count` elements of `content` bytes, commas between them.
        private static func container(_ count: Int, _ content: Int) -> Int {
            count == 0 ? 2 : 2 + content + count - 1
        }
    }
}
