/// FAN303: IAM statements with wildcard actions (`*`, `sqs:*`) or resources (`*`).
public struct WildcardPermissionRule: Rule {
    public let code = "FAN303"
    public let summary = "IAM statements name actions and resources without wildcards"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.statements.compactMap { statement in
            guard statement.effect == .allow else { return nil }
            let actions = statement.actions.elements.filter(PermissionUsage.isWildcard)
            let anyResource = statement.resources.elements.contains(.string("*"))
            guard !actions.isEmpty || anyResource else { return nil }
            var what: [String] = []
            if !actions.isEmpty { what.append("actions \(actions.joined(separator: ", "))") }
            if anyResource { what.append("every resource (\"*\")") }
            return diagnostic(
                .warning, "an IAM statement grants \(what.joined(separator: " on ")); name the actions and resources the functions use",
                path: "provider.iam.role.statements", at: statement.location)
        }
    }
}
