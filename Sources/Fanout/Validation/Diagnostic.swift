/// One finding about a service: a stable code, a severity, what is wrong and what to do,
/// the resource or property it concerns, and where that was declared.
public struct Diagnostic: Hashable, Sendable {
    /// A stable code such as `FAN101`; see ``Validator/rules``.
    public var code: String
    public var severity: Severity
    /// What is wrong and what to do about it.
    public var message: String
    /// The resource or property concerned, such as `Resources.ProcessingQueueOne` or
    /// `functions.trigger`.
    public var path: String
    /// Where the element was declared.
    public var location: SourceLocation?

    public init(_ code: String, _ severity: Severity, _ message: String, path: String, at location: SourceLocation?) {
        self.code = code
        self.severity = severity
        self.message = message
        self.path = path
        self.location = location
    }
}
