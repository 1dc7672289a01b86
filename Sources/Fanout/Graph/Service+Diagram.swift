extension Service {
    /// The service's architecture as a diagram: HTTP routes → functions → the topics they
    /// publish to → subscribed queues (each edge labelled with its filter policy) → the
    /// functions that drain them; dead-letter queues are drawn, marked, and reached by dashed
    /// edges. Read from the model, so hand-written resources draw as well as `FanOut`s; the
    /// same service always gives the same text, and any name is escaped for the format.
    ///
    /// ```swift
    /// print(Examples.production.diagram(.mermaid))   // paste into a ```mermaid block
    /// ```
    public func diagram(_ format: DiagramFormat) -> String {
        let graph = ArchitectureGraph(self)
        switch format {
        case .mermaid: return Self.mermaid(graph)
        case .dot: return Self.dot(graph, name: name)
        }
    }

    private static func mermaid(_ graph: ArchitectureGraph) -> String {
        var lines = ["flowchart LR"]
        for node in graph.nodes {
            let label = "\"\(mermaidEscaped(node.label))\""
            let shape = switch node.kind {
            case .route: "([\(label)])"
            case .function: "[\(label)]"
            case .topic: "{{\(label)}}"
            case .queue, .deadLetterQueue: "[(\(label))]"
            case .external: ">\(label)]"
            }
            lines.append("    \(node.id)\(shape)")
        }
        for edge in graph.edges {
            let arrow = edge.dashed ? "-.->" : "-->"
            let label = edge.label.map { "|\"\(mermaidEscaped($0))\"|" } ?? ""
            lines.append("    \(edge.from) \(arrow)\(label) \(edge.to)")
        }
        let deadLetter = graph.nodes.filter { $0.kind == .deadLetterQueue }.map(\.id)
        if !deadLetter.isEmpty {
            lines.append("    classDef deadLetter fill:#fde2e2,stroke:#c0392b")
            lines.append("    class \(deadLetter.joined(separator: ",")) deadLetter")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dot(_ graph: ArchitectureGraph, name: String) -> String {
        var lines = [
            "digraph \"\(dotEscaped(name))\" {",
            "    rankdir=LR;",
            "    node [fontname=\"Helvetica\", fontsize=11];",
            "    edge [fontname=\"Helvetica\", fontsize=10];",
        ]
        for node in graph.nodes {
            let attributes = switch node.kind {
            case .route: "shape=oval"
            case .function: "shape=box, style=rounded"
            case .topic: "shape=hexagon"
            case .queue: "shape=cylinder"
            case .deadLetterQueue: "shape=cylinder, style=filled, fillcolor=\"#fde2e2\", color=\"#c0392b\""
            case .external: "shape=note"
            }
            lines.append("    \(node.id) [label=\"\(dotEscaped(node.label))\", \(attributes)];")
        }
        for edge in graph.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\"\(dotEscaped(label))\"") }
            if edge.dashed { attributes.append("style=dashed") }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("    \(edge.from) -> \(edge.to)\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a quoted Mermaid label: the characters Mermaid would read as syntax
    /// or HTML become its entity codes (`#quot;`, `#35;`…); line breaks become spaces.
    static func mermaidEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "#": escaped += "#35;"
            case "\"": escaped += "#quot;"
            case "<": escaped += "#lt;"
            case ">": escaped += "#gt;"
            case "&": escaped += "#amp;"
            case "|": escaped += "#124;"
            case "`": escaped += "#96;"
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Text safe inside a quoted DOT string: backslashes and quotes escaped, line breaks as `\n`.
    static func dotEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r", "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
