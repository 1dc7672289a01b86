/// FAN302: IAM statements that grant actions no function uses, or that the event sources'
/// own statement already grants.
public struct UnusedPermissionRule: Rule {
    public let code = "FAN302"
    public let summary = "IAM statements grant only actions a function uses"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let usage = PermissionUsage(context)
        let shared = context.service.provider.iamStatements.map { ($0, context.service.functions) }
        let own = context.service.functions.flatMap { function in function.iamStatements.map { ($0, [function]) } }
        return (shared + own).compactMap { statement, functions in
            guard statement.effect == .allow else { return nil }
            let eventSources = Set(functions.flatMap { function in
                function.events.compactMap { if case .sqs(let sqs) = $0 { sqs.arn } else { nil } }
            })
            let resources = statement.resources.elements
            var unused: [String] = [], redundant: [String] = []
            for action in statement.actions.elements
            where !PermissionUsage.isWildcard(action) && PermissionUsage.knownActions.contains(action.lowercased()) {
                if PermissionUsage.isGrantedConsumerAction(action) {
                    if resources.contains(where: eventSources.contains) { redundant.append(action) } else { unused.append(action) }
                } else if usage.users(of: action, on: resources, in: functions).isEmpty {
                    unused.append(action)
                }
            }
            var parts: [String] = []
            if !unused.isEmpty {
                parts.append("\(unused.joined(separator: ", ")) \(unused.count == 1 ? "is" : "are") used by no function on these resources")
            }
            if !redundant.isEmpty {
                parts.append("\(redundant.joined(separator: ", ")) \(redundant.count == 1 ? "is" : "are") already granted to each queue's consumer by its event source")
            }
            guard !parts.isEmpty else { return nil }
            return diagnostic(
                .warning, "an IAM statement grants more than the functions use: " + parts.joined(separator: "; ") + "; remove \(unused.count + redundant.count == 1 ? "it" : "them")",
                path: "provider.iam.role.statements", at: statement.location)
        }
    }
}
