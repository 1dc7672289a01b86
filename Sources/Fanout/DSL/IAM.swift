/// Statements for the execution role the service's functions share
/// (serverless.yml `provider.iam.role.statements`).
public struct IAM: ServiceComponent {
    public var statements: [Statement]

    public init(@StatementBuilder _ statements: () -> [Statement]) {
        self.statements = statements()
    }

    public func apply(to service: inout Service) {
        service.provider.iamStatements += statements
    }
}
