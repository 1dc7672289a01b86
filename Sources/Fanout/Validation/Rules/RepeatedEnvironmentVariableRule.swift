/// FAN008: an environment variable set twice in one function — two `Environment`s with one
/// name, or two `Publishes` writing the same variable. A function's environment is a map, so
/// the later value silently replaces the earlier one (one topic's ARN disappears).
public struct RepeatedEnvironmentVariableRule: Rule {
    public let code = "FAN008"
    public let summary = "A function sets each environment variable once"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.service.functions.flatMap { function in
            function.replacedEnvironment.map { replacement in
                let first = replacement.replacedAt.map { " at \($0)" } ?? ""
                let path = context.path(function) + ".environment.\(replacement.name)"
                if replacement.replaced == replacement.value {
                    return diagnostic(
                        .warning,
                        "\(function.key) sets \(replacement.name) twice to the same value (first\(first)); remove one of them",
                        path: path, at: replacement.location)
                }
                return diagnostic(
                    .error,
                    "\(function.key) sets \(replacement.name) twice: the value set first\(first) (\(context.name(of: replacement.replaced))) is replaced by \(context.name(of: replacement.value)) and lost. Give each variable its own name (Publishes(to:as:) takes one)",
                    path: path, at: replacement.location)
            }
        }
    }
}
