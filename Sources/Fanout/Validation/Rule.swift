/// A check over a whole service. Rules are small and independent: each looks at the model
/// through a ``ValidationContext`` and returns what it finds.
public protocol Rule: Sendable {
    /// The code every diagnostic of this rule carries, such as `FAN101`.
    var code: String { get }
    /// One line saying what the rule checks, for rule listings and SARIF.
    var summary: String { get }
    /// Whether the verdict depends on the day judged at (runtime lifecycles). Such findings
    /// never stop `emit`: a generator's verdict must not change as the calendar moves.
    var judgesByDate: Bool { get }
    /// Whether the verdict may depend on what is emitted (``ValidationContext/target``). When
    /// the ``Pipeline`` emits several outputs at once, such a rule runs once per output and
    /// every other rule once for all of them. `true` unless a rule says otherwise, which is
    /// always right; a rule that never reads the target says `false` and runs once.
    var readsTarget: Bool { get }
    /// The diagnostics for `context`'s service.
    func check(_ context: ValidationContext) -> [Diagnostic]
}

extension Rule {
    public var judgesByDate: Bool { false }
    public var readsTarget: Bool { true }

    /// A diagnostic with this rule's code.
    func diagnostic(_ severity: Severity, _ message: String, path: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(code, severity, message, path: path, at: location)
    }
}
