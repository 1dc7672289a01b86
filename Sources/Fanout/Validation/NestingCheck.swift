import YAML

/// FAN007: a value nested too deeply to write. The check to run first, before anything that
/// walks the model.
///
/// Translating, validating, comparing, hashing and rendering values all recurse, one level
/// of the value per level of the call stack, so a value nested thousands of levels deep
/// (easy to build in a loop) would overflow the stack and crash the process. YAML readers
/// stop at a depth too (Fanout's own at ``Parser/maxDepth``, 512 levels), so such a value
/// could not be read back either. This check measures every value the service holds
/// without recursing (``Value/nestingDepth``) and reports those too deep; when it reports
/// an error, nothing else may look at the service.
public enum NestingCheck {
    /// The diagnostic code.
    public static let code = "FAN007"
    /// What the check checks, for rule listings and SARIF.
    public static let summary = "Values nest at most 500 levels, so they can be walked and written"

    /// The deepest document Fanout writes: the depth its YAML parser reads, 512 levels.
    public static let documentLimit = Parser.maxDepth

    /// The most levels a value sits under where it is written: a condition value of a queue
    /// policy statement sits in `Resources`, the resource, `Properties`, `PolicyDocument`,
    /// `Statement`, the statement, `Condition` and the operator, under the document itself.
    /// Rounded up, to leave room.
    public static let enclosingLevels = 12

    /// How deep a value of the service may nest (``Value/nestingDepth``): 500 levels.
    public static var valueLimit: Int { documentLimit - enclosingLevels }

    /// One FAN007 error for each value of `service` nested deeper than ``valueLimit``:
    /// resource properties (filter policies, queue policy and key policy statements
    /// included), environment variables, event sources, IAM statements and outputs.
    public static func diagnostics(for service: Service) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The description and path are only spelled out for a value that is reported.
        func check(_ value: Value, _ what: @autoclosure () -> String, path: @autoclosure () -> String, at location: SourceLocation) {
            guard value.nests(deeperThan: valueLimit) else { return }
            found.append(Diagnostic(
                code, .error,
                "\(what()) is nested \(value.nestingDepth) levels deep, deeper than the \(valueLimit) Fanout can write (YAML readers stop at \(documentLimit) levels, and a deeper value would overflow the stack); flatten it, or build it without a loop that nests each level in the last",
                path: path(), at: location))
        }
        func check(_ statements: [Statement], _ owner: String, path: String) {
            for (index, statement) in statements.enumerated() {
                check(statement.value, "\(owner) statement \(index + 1)", path: "\(path)[\(index)]", at: statement.location)
            }
        }
        check(service.provider.iamStatements, "the provider's IAM", path: "provider.iam.role.statements")
        for function in service.functions {
            let path = "functions.\(function.key)"
            for (name, value) in function.environment {
                check(value, "environment variable \(name) of \(function.key)", path: "\(path).environment.\(name)", at: function.location)
            }
            for case .sqs(let sqs) in function.events {
                check(sqs.arn, "the queue ARN of \(function.key)'s sqs event", path: "\(path).events", at: sqs.location)
            }
            check(function.iamStatements, "\(function.key)'s IAM", path: "\(path).iam")
        }
        for resource in service.resources {
            for (key, value) in resource.properties {
                check(value, "property \(key) of \(resource.logicalID)",
                      path: "Resources.\(resource.logicalID).Properties.\(key)", at: resource.location)
            }
        }
        for output in service.outputs {
            check(output.value, "the value of output \(output.name)", path: "Outputs.\(output.name).Value", at: output.location)
        }
        return found
    }
}
