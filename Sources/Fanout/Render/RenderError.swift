import YAML

/// A value tree the renderers refuse to write.
public enum RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The document nests lists and maps deeper than `limit` levels: YAML readers (Fanout's
    /// own included) refuse it, and writing it would recurse as deep.
    case tooDeep(limit: Int)

    /// The deepest document the renderers write: as deep as Fanout's YAML parser reads.
    public static let depthLimit = Parser.maxDepth

    public var description: String {
        switch self {
        case .tooDeep(let limit):
            "the document nests lists and maps deeper than \(limit) levels, more than YAML readers accept; flatten the deepest value (FAN007 names it)"
        }
    }
}
