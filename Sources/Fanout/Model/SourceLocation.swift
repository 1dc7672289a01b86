/// Where an element was declared: the Swift `file:line` of a DSL element, or the
/// `file:line:column` of an element read from a YAML file.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path of the file (`#filePath` for Swift).
    public var file: String
    public var line: Int
    /// The 1-based column, where one is known (YAML input).
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The file's path relative to `directory` when it lies inside it.
    public func path(relativeTo directory: String?) -> String {
        guard let directory else { return file }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// `path:line` or `path:line:column`, the path relative to `directory` when inside it.
    public func description(relativeTo directory: String?) -> String {
        "\(path(relativeTo: directory)):\(line)" + (column.map { ":\($0)" } ?? "")
    }

    public var description: String { description(relativeTo: nil) }
}
