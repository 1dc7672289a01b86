/// What ``Pipeline/emit(_:as:checks:)`` produced: the text to write and the findings that did
/// not stop it (warnings and notes).
public struct Emission: Hashable, Sendable {
    /// The rendered file, ending in one newline.
    public var text: String
    /// The warnings and notes, ordered by where they point.
    public var diagnostics: [Diagnostic]

    public init(text: String, diagnostics: [Diagnostic]) {
        self.text = text
        self.diagnostics = diagnostics
    }
}
