/// A service that cannot be compiled as asked, with the Swift line that caused it.
public struct TranslationError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem it is.
    public enum Reason: Hashable, Sendable {
        /// A declared resource has the logical ID of one the compilation generates.
        case logicalIDCollision
        /// Two declared resources have the same logical ID.
        case duplicateLogicalID
        /// Something else the compilation cannot do, such as an unresolvable variable.
        case other
    }

    public var message: String
    public var location: SourceLocation?
    public var reason: Reason

    public init(_ message: String, at location: SourceLocation?, reason: Reason = .other) {
        self.message = message
        self.location = location
        self.reason = reason
    }

    public var description: String {
        guard let location else { return "error: \(message)" }
        return "\(location): error: \(message)"
    }
}
