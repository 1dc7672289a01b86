/// FAN302: IAM statements that grant actions no function uses, actions on resources no
/// function uses them on, or what the event sources' own statement already grants.
public struct UnusedPermissionRule: Rule {
    public let code = "FAN302"
    public let summary = "IAM statements grant only what a function uses"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let usage = PermissionUsage(context)
        let shared = context.service.provider.iamStatements.map { ($0, context.service.functions, "provider.iam.role.statements") }
        let own = context.service.functions.flatMap { function in
            function.iamStatements.map { ($0, [function], context.path(function) + ".iam") }
        }
        return (shared + own).compactMap { statement, functions, path in
            guard statement.effect == .allow else { return nil }
            let eventSources = Set(functions.flatMap { function in
                function.events.compactMap { if case .sqs(let sqs) = $0 { sqs.arn } else { nil } }
            })
            let resources = statement.resources.elements
            var unused: [String] = [], redundant: [String] = [], misplaced: [String] = []
            for action in statement.actions.elements
            where !PermissionUsage.isWildcard(action) && PermissionUsage.knownActions.contains(action.lowercased()) {
                if PermissionUsage.isGrantedConsumerAction(action) {
                    if resources.contains(where: eventSources.contains) { redundant.append(action) } else { unused.append(action) }
                } else if usage.users(of: action, on: resources, in: functions).isEmpty {
                    unused.append(action)
                } else {
                    let idle = resources.filter { $0 != .string("*") && usage.users(of: action, on: [$0], in: functions).isEmpty }
                    if !idle.isEmpty {
                        misplaced.append("\(action) on \(idle.map(context.name(of:)).joined(separator: ", "))")
                    }
                }
            }
            var parts: [String] = []
            if !unused.isEmpty {
                parts.append("\(unused.joined(separator: ", ")) \(unused.count == 1 ? "is" : "are") used by no function on these resources")
            }
            if !misplaced.isEmpty {
                parts.append("no function uses \(misplaced.joined(separator: "; "))")
            }
            if !redundant.isEmpty {
                parts.append("\(redundant.joined(separator: ", ")) \(redundant.count == 1 ? "is" : "are") already granted to each queue's consumer by its event source")
            }
            guard !parts.isEmpty else { return nil }
            return diagnostic(
                .warning, "an IAM statement grants more than the functions use: " + parts.joined(separator: "; ") + ". Grant each action only on what uses it",
                path: path, at: statement.location)
        }
    }
}
