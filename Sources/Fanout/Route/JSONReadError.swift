/// Text that is not the JSON it should be, with where (1-based line and column, counted in
/// characters) and what was expected.
public struct JSONReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// What is wrong, and what was expected instead.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
