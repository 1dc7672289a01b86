/// The statements of the functions' roles with their paths: the shared ones
/// (`provider.iam.role.statements`), then each function's own.
enum RoleStatements {
    static func of(_ context: ValidationContext) -> [(statement: Statement, path: String)] {
        context.service.provider.iamStatements.map { ($0, "provider.iam.role.statements") }
            + context.service.functions.flatMap { function in
                function.iamStatements.map { ($0, context.path(function) + ".iam") }
            }
    }
}
