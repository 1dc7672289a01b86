/// Where a DSL element was declared, for diagnostics that point at the user's Swift line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path of the Swift file (`#filePath`).
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `path:line`, with the path made relative to `directory` when it lies inside it.
    public func description(relativeTo directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let path = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
        return "\(path):\(line)"
    }

    public var description: String { "\(file):\(line)" }
}
