/// FAN010: environment variable names Lambda refuses: not `[a-zA-Z][a-zA-Z0-9_]+` (a letter,
/// then at least one letter, digit or `_`), or one of the keys the Lambda runtime sets itself.
public struct EnvironmentVariableNameRule: Rule {
    public let code = "FAN010"
    public let summary = "Environment variable names are ones Lambda accepts"
    public init() {}
    public var readsTarget: Bool { false }

    /// The keys Lambda reserves: "Defined runtime environment variables" in
    /// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, the same list
    /// as cfn-lint 1.51.0's `schemas/extensions/aws_lambda_function/environment_variable_keys.json`.
    public static let reserved: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    /// `[a-zA-Z][a-zA-Z0-9_]+`, Lambda's key pattern (API reference, `Environment`).
    static func isValidName(_ name: String) -> Bool {
        guard name.count >= 2, let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.isASCIIAlphanumeric(allowing: "_")
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for function in context.service.functions {
            for name in function.environment.keys {
                let location = function.environmentLocations[name] ?? function.location
                let path = context.path(function) + ".environment.\(name)"
                if Self.reserved.contains(name) {
                    found.append(diagnostic(
                        .error,
                        "\(function.key)'s environment variable \(name) is reserved: the Lambda runtime sets it and refuses a function that sets it. Choose another name",
                        path: path, at: location))
                } else if !Self.isValidName(name) {
                    found.append(diagnostic(
                        .error,
                        "\(function.key)'s environment variable name '\(name)' is refused by Lambda: a name starts with a letter and has at least two characters, only letters, digits and '_'",
                        path: path, at: location))
                }
            }
        }
        return found
    }
}
