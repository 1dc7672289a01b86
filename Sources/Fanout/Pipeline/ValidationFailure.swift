/// A service that was not emitted because validation found errors; carries every diagnostic
/// found (errors, warnings and notes), not only the first.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors, warnings and notes, in the pipeline's order.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The errors alone.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The errors as a compiler prints them, one a line.
    public var description: String {
        let renderer = DiagnosticRenderer()
        let lines = errors.map(renderer.line)
        return (lines + ["\(lines.count) error\(lines.count == 1 ? "" : "s"): nothing was emitted"]).joined(separator: "\n")
    }
}
