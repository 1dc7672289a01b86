/// FAN006: the service cannot be compiled into CloudFormation, for example because a
/// Serverless variable cannot be resolved without the Serverless Framework.
public struct CompilationRule: Rule {
    public let code = "FAN006"
    public let summary = "The service compiles into raw CloudFormation"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // Duplicate and colliding logical IDs are FAN001's; serverless.yml keeps its variables
        // for the Serverless Framework to resolve.
        guard context.target != .serverless, let error = context.translationError, error.reason == .other else { return [] }
        return [diagnostic(.error, error.message, path: "Resources", at: error.location ?? context.service.location)]
    }
}
