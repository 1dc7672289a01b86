/// FAN306: role statement resources that are no ARN: a queue's URL (`queue.url`, `!Ref` of
/// a queue), a queue's or topic's name, a KMS key's ID, or a literal that is neither `*` nor
/// starts with `arn:`. IAM refuses the policy (the deploy fails).
public struct RoleStatementResourceRule: Rule {
    public let code = "FAN306"
    public let summary = "Role statements name their resources by ARN"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (statement, path) in RoleStatements.of(context) {
            for resource in statement.resources.elements {
                guard let problem = Self.problem(with: resource, context) else { continue }
                found.append(diagnostic(
                    .error, "an IAM role statement's Resource \(problem): IAM needs ARNs and refuses the policy",
                    path: path, at: statement.location))
            }
        }
        return found
    }

    private static func problem(with resource: Value, _ context: ValidationContext) -> String? {
        switch resource {
        case .ref(let id):
            switch context.resource(id) {
            case is Queue: "is \(id)'s URL (!Ref \(id)); use queue.arn (!GetAtt \(id).Arn)"
            case is KMSKey: "is \(id)'s key ID (!Ref \(id)); use key.arn (!GetAtt \(id).Arn)"
            default: nil
            }
        case .getAtt(let id, let attribute):
            switch (context.resource(id), attribute) {
            case (is Queue, "QueueUrl"): "is \(id)'s URL; use queue.arn (!GetAtt \(id).Arn)"
            case (is Queue, "QueueName"): "is \(id)'s name; use queue.arn (!GetAtt \(id).Arn)"
            case (is Topic, "TopicName"): "is \(id)'s name; use topic.arn (!Ref \(id))"
            case (is KMSKey, "KeyId"): "is \(id)'s key ID; use key.arn (!GetAtt \(id).Arn)"
            default: nil
            }
        case .string(let text):
            isARNLike(text) ? nil : "'\(text)' is no ARN; write the resource's ARN (arn:…) or use its typed handle, such as queue.arn"
        case .text(let text):
            isARNLike(text.description) || text.parts.first.map { if case .variable = $0 { true } else { false } } == true
                ? nil : "'\(text)' is no ARN; write the resource's ARN (arn:…) or use its typed handle, such as queue.arn"
        default:
            nil
        }
    }

    /// `*`, an ARN, or a string that only a variable makes one.
    private static func isARNLike(_ text: String) -> Bool {
        text == "*" || text.hasPrefix("arn:") || text.hasPrefix("${")
    }
}
