/// FAN006: the service cannot be compiled into CloudFormation, for example because a
/// Serverless variable cannot be resolved without the Serverless Framework. The translator
/// finds these while compiling (every one, not only the first); this rule reports them.
public struct CompilationRule: Rule {
    /// The code of every compilation problem (``Translation/diagnosticCode``).
    public static let code = Translation.diagnosticCode
    public var code: String { Self.code }
    public let summary = "The service compiles into raw CloudFormation"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // serverless.yml keeps its variables for the Serverless Framework to resolve.
        context.target == .serverless ? [] : context.translationDiagnostics
    }
}
