/// A check over a whole service. Rules are small and independent: each looks at the model
/// through a ``ValidationContext`` and returns what it finds.
public protocol Rule: Sendable {
    /// The code every diagnostic of this rule carries, such as `FAN101`.
    var code: String { get }
    /// One line saying what the rule checks, for rule listings and SARIF.
    var summary: String { get }
    /// The diagnostics for `context`'s service.
    func check(_ context: ValidationContext) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic with this rule's code.
    func diagnostic(_ severity: Severity, _ message: String, path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(code, severity, message, path: path, at: location)
    }
}
