/// FAN003: two functions with the same key, or keys that give the same logical IDs
/// (`my-fn` and `myDashfn` both become `MyDashfn…`).
public struct DuplicateFunctionRule: Rule {
    public let code = "FAN003"
    public let summary = "Function keys are unique, also after Serverless's name normalization"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen: [String: Function] = [:]
        var found: [Diagnostic] = []
        for function in context.service.functions {
            let normalized = Naming.normalizedFunctionName(function.key)
            if let first = seen[normalized] {
                let why = first.key == function.key
                    ? "function '\(function.key)' is declared twice (first at \(first.location)): serverless.yml would keep the first and raw CloudFormation the last, silently dropping the other"
                    : "functions '\(first.key)' and '\(function.key)' both compile to the logical IDs \(normalized)…"
                found.append(diagnostic(.error, why + "; rename one", path: context.path(function), at: function.location))
            } else {
                seen[normalized] = function
            }
        }
        return found
    }
}
