/// A text format for ``Service/diagram(_:)``.
public enum DiagramFormat: String, CaseIterable, Sendable {
    /// A Mermaid flowchart, which GitHub and many Markdown viewers render in a ```` ```mermaid ```` block.
    case mermaid
    /// A Graphviz DOT digraph (`dot -Tsvg`).
    case dot
}
