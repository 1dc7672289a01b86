/// FAN303: IAM statements with wildcard actions (`*`, `sqs:*`) or resources (`*`).
public struct WildcardPermissionRule: Rule {
    public let code = "FAN303"
    public let summary = "IAM statements name actions and resources without wildcards"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let owned = context.service.provider.iamStatements.map { ($0, "provider.iam.role.statements") }
            + context.service.functions.flatMap { function in function.iamStatements.map { ($0, context.path(function) + ".iam") } }
        return owned.compactMap { statement, path in
            guard statement.effect == .allow else { return nil }
            let actions = statement.actions.elements.filter(PermissionUsage.isWildcard)
            let anyResource = statement.resources.elements.contains(.string("*"))
            guard !actions.isEmpty || anyResource else { return nil }
            var what: [String] = []
            if !actions.isEmpty { what.append("actions \(actions.joined(separator: ", "))") }
            if anyResource { what.append("every resource (\"*\")") }
            return diagnostic(
                .warning, "an IAM statement grants \(what.joined(separator: " on ")); name the actions and resources the functions use",
                path: path, at: statement.location)
        }
    }
}
