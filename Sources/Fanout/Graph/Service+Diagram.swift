// TEMPORARY (branch h-cli): a minimal stand-in so that `graph` builds; the diagram helper's
// file of the same path, with the same API, replaces it at merge.

/// The notations ``Service/diagram(_:)`` draws in.
public enum DiagramFormat: String, CaseIterable, Sendable {
    /// Mermaid's `flowchart`, which Markdown viewers render.
    case mermaid
    /// Graphviz's `digraph`.
    case dot
}

extension Service {
    /// The service's functions, topics and queues as a diagram, with an edge from each
    /// subscription's topic to its queue and from each resource to what references it.
    public func diagram(_ format: DiagramFormat) -> String {
        let nodes = functions.map { ($0.key, "function") }
            + resources.filter { ["AWS::SNS::Topic", "AWS::SQS::Queue"].contains($0.type) }
                .map { ($0.logicalID, $0.type == "AWS::SNS::Topic" ? "topic" : "queue") }
        let known = Set(nodes.map(\.0))
        var edges: [(String, String)] = []
        for subscription in resources.compactMap({ $0 as? Subscription }) {
            for topic in subscription.topicARN.referencedLogicalIDs where known.contains(topic) {
                for queue in subscription.endpoint.referencedLogicalIDs where known.contains(queue) {
                    edges.append((topic, queue))
                }
            }
        }
        switch format {
        case .mermaid:
            let lines = nodes.map { "    \($0.0)[\"\($0.0) (\($0.1))\"]" } + edges.map { "    \($0.0) --> \($0.1)" }
            return (["flowchart LR"] + lines).joined(separator: "\n") + "\n"
        case .dot:
            let lines = nodes.map { "  \"\($0.0)\" [label=\"\($0.0) (\($0.1))\"];" } + edges.map { "  \"\($0.0)\" -> \"\($0.1)\";" }
            return (["digraph \"\(name)\" {"] + lines + ["}"]).joined(separator: "\n") + "\n"
        }
    }
}
