/// A service compiled into raw CloudFormation: the template, and what could not be compiled.
public struct Translation: Sendable {
    /// The code of every compilation problem (FAN006): what raw CloudFormation cannot be
    /// compiled from, such as a Serverless variable only the Serverless Framework resolves.
    public static let diagnosticCode = "FAN006"

    /// The template, with everything that compiled; what did not is left out or kept as
    /// written and reported in ``diagnostics``.
    public var template: Value
    /// What the compilation could not do (FAN006), in the order it was found.
    public var diagnostics: [Diagnostic]
    /// The logical IDs the compilation added for the functions and their events (and the
    /// template's parameters), as opposed to the resources the service declares.
    public var generatedLogicalIDs: Set<String>

    public init(template: Value, diagnostics: [Diagnostic], generatedLogicalIDs: Set<String>) {
        self.template = template
        self.diagnostics = diagnostics
        self.generatedLogicalIDs = generatedLogicalIDs
    }
}
