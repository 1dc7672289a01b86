/// An IAM policy document: the `2012-10-17` policy language version and its statements.
public struct PolicyDocument: Hashable, Sendable {
    /// The current policy language version. It must stay a string: unquoted, a YAML 1.1
    /// reader would take it for a date.
    public static let version = "2012-10-17"

    public var statements: [Statement]

    public init(_ statements: [Statement]) {
        self.statements = statements
    }

    /// The document as a template writes it.
    public var value: Value {
        .map([
            "Version": .string(Self.version),
            "Statement": .list(statements.map(\.value)),
        ])
    }
}
