/// FAN004: a `Ref`, `GetAtt`, `Sub` placeholder or `DependsOn` naming a resource that does
/// not exist (possible only through the string escape hatch).
public struct UnknownReferenceRule: Rule {
    public let code = "FAN004"
    public let summary = "References name resources that exist"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let known = GeneratedLogicalIDs.of(context.service).union(context.service.resources.map(\.logicalID))
        var found: [Diagnostic] = []
        func check(_ value: Value, _ what: String, path: String, at location: SourceLocation) {
            for id in value.referencedLogicalIDs where !known.contains(id) {
                found.append(diagnostic(
                    .error, "\(what) refers to '\(id)', which is not declared; declare it or use its typed handle",
                    path: path, at: location))
            }
        }
        for resource in context.service.resources {
            check(.map(resource.properties), resource.logicalID, path: context.path(resource), at: resource.location)
            for id in resource.dependsOn where !known.contains(id) {
                found.append(diagnostic(
                    .error, "\(resource.logicalID) depends on '\(id)', which is not declared",
                    path: context.path(resource) + ".DependsOn", at: resource.location))
            }
        }
        for function in context.service.functions {
            check(.map(function.environment), "the environment of \(function.key)",
                  path: context.path(function) + ".environment", at: function.location)
            for case .sqs(let sqs) in function.events {
                check(sqs.arn, "the sqs event of \(function.key)", path: context.path(function) + ".events", at: sqs.location)
            }
        }
        for statement in context.service.provider.iamStatements {
            check(statement.value, "an IAM statement", path: "provider.iam.role.statements", at: statement.location)
        }
        for output in context.service.outputs {
            check(output.value, "output \(output.name)", path: "Outputs.\(output.name)", at: output.location)
        }
        return found
    }
}
