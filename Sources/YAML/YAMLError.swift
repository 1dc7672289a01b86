/// An error found while reading or writing YAML, with where it happened when that is known.
///
/// Its description reads like a compiler diagnostic:
///
///     serverless.yml:3:7: error: mapping values are not allowed in this context
///       c: d
///           ^
public struct YAMLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, in one line.
    public var message: String
    /// Where it went wrong, 1-based; `nil` when there is no position (for example when writing).
    public var mark: Mark?
    /// The file the text came from, if the caller named one.
    public var path: String?
    /// The text of the line `mark` points into, without its line break.
    public var sourceLine: String?

    /// Creates an error.
    public init(_ message: String, mark: Mark? = nil, path: String? = nil, sourceLine: String? = nil) {
        self.message = message
        self.mark = mark
        self.path = path
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message`, then the source line and a caret under the column.
    public var description: String {
        var text = ""
        if let path { text += path + ":" }
        if let mark { text += "\(mark.line):\(mark.column):" }
        if !text.isEmpty { text += " " }
        text += "error: " + message
        if let mark, let sourceLine {
            text += "\n" + sourceLine + "\n" + Self.caret(under: mark.column, in: sourceLine)
        }
        return text
    }

    /// Spaces up to the 1-based `column`, then `^`. Tabs in the line are copied so the caret
    /// lines up however wide the terminal draws a tab. Columns count Unicode scalars, as
    /// libyaml's marks do.
    static func caret(under column: Int, in line: String) -> String {
        var indent = ""
        var remaining = max(column - 1, 0)
        for scalar in line.unicodeScalars where remaining > 0 {
            indent.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            remaining -= 1
        }
        // A column past the end of the line (an error at the end of input) is padded.
        indent += String(repeating: " ", count: remaining)
        return indent + "^"
    }
}
