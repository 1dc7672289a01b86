/// What ``ServerlessImport`` read: the service, its Swift source, and the findings.
public struct ImportResult: Sendable {
    /// The imported service. Content reported as an error is not in it.
    public var service: Service
    /// Swift source that declares the service with the DSL (`import Fanout`, then
    /// `let <name> = Service(…) { … }`); content left out is listed in a comment at the top.
    public var swiftSource: String
    /// FAN601–FAN616 in the order of the file, each with the `file:line:column` it concerns.
    public var findings: [Diagnostic]

    /// A result as ``ServerlessImport/service()`` makes it.
    public init(service: Service, swiftSource: String, findings: [Diagnostic]) {
        self.service = service
        self.swiftSource = swiftSource
        self.findings = findings
    }

    /// Whether some content could not be imported (an error finding).
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
