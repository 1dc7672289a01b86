/// FAN304: a statement on the role all functions share that grants every function what only
/// some of them use: one of the service's statements, or, in raw CloudFormation with
/// `roles: .shared`, a function's own statement (serverless.yml has one role either way).
public struct SharedRoleRule: Rule {
    public let code = "FAN304"
    public let summary = "Permissions on the shared role are used by every function"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let functions = context.service.functions
        guard functions.count > 1 else { return [] }
        let usage = PermissionUsage(context)
        var found: [Diagnostic] = []
        if context.service.provider.roles == .shared, context.target != .serverless {
            for function in functions where !function.iamStatements.isEmpty {
                let actions = function.iamStatements.flatMap(\.actions.elements)
                found.append(diagnostic(
                    .warning,
                    "\(function.key)'s own statements (\(actions.joined(separator: ", "))) join the role all \(functions.count) functions share, so every function gets them: use roles: .perFunction for a role per function",
                    path: context.path(function) + ".iam", at: function.iamStatements[0].location))
            }
        }
        return found + context.service.provider.iamStatements.compactMap { statement in
            guard statement.effect == .allow else { return nil }
            let resources = statement.resources.elements
            var grants: [String] = []
            for action in statement.actions.elements
            where !PermissionUsage.isWildcard(action) && !PermissionUsage.isConsumerAction(action) {
                let users = usage.users(of: action, on: resources, in: functions)
                guard !users.isEmpty, users.count < functions.count else { continue }
                grants.append("\(action) (used by \(users.map(\.key).joined(separator: ", ")))")
            }
            guard !grants.isEmpty else { return nil }
            return diagnostic(
                .warning,
                "the role all \(functions.count) functions share grants each of them \(grants.joined(separator: ", ")): move such grants into the functions that use them (Publishes(to:), or a Statement inside the Function) and give each function its own role with roles: .perFunction",
                path: "provider.iam.role.statements", at: statement.location)
        }
    }
}
