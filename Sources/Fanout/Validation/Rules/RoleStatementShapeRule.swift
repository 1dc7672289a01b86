/// FAN305: role statements IAM refuses as malformed: a `Principal` (an identity policy's
/// principal is the role itself), no action, an action without a service prefix, no
/// resource, or a `Sid` with characters other than `[A-Za-z0-9]`.
public struct RoleStatementShapeRule: Rule {
    public let code = "FAN305"
    public let summary = "Role statements have the shape IAM accepts"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (statement, path) in RoleStatements.of(context) {
            func report(_ problem: String) {
                found.append(diagnostic(.error, "an IAM role statement " + problem, path: path, at: statement.location))
            }
            if statement.principal != nil {
                report("has a Principal, which IAM refuses in a role's policy (MalformedPolicyDocument): the role is the principal. Remove principal:, or put the statement in the resource's own policy")
            }
            if statement.actions.elements.isEmpty {
                report("has no Action: IAM refuses it. List the actions the functions need, such as \"sns:Publish\"")
            }
            let malformed = statement.actions.elements.filter { !Self.isAction($0) }
            if !malformed.isEmpty {
                report("has actions IAM refuses, \(malformed.map { "'\($0)'" }.joined(separator: ", ")): an action is service:Action, such as sqs:SendMessage")
            }
            if statement.resources.elements.isEmpty {
                report("has no Resource: IAM refuses it. List the ARNs the actions apply to, such as topic.arn")
            }
            if let sid = statement.sid, !sid.isASCIIAlphanumeric() {
                report("has the Sid '\(sid)'; IAM accepts only letters and digits in a role policy's Sid. Write it as \(sid.filter(\.isASCIIAlphanumeric).isEmpty ? "letters and digits" : "'\(sid.filter(\.isASCIIAlphanumeric))'")")
            }
        }
        return found
    }

    /// `*`, or `service:Action` with a non-empty service and name (wildcards allowed).
    static func isAction(_ action: String) -> Bool {
        if action == "*" { return true }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "*" }
            && parts[1].allSatisfy { $0.isASCIIAlphanumeric || $0 == "*" || $0 == "?" || $0 == "-" || $0 == "_" }
    }
}
