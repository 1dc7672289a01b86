/// A service that cannot be compiled as asked, with the Swift line that caused it.
public struct TranslationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return "error: \(message)" }
        return "\(location): error: \(message)"
    }
}
