/// FAN013: resources that depend on each other, or on themselves, through `DependsOn` or
/// references (`Ref`, `GetAtt`, `Sub`). CloudFormation refuses such a template ("Circular
/// dependency between resources"). The compiled template is searched when there is one, so
/// the generated resources (functions, roles, event source mappings) take part.
public struct DependencyCycleRule: Rule {
    public let code = "FAN013"
    public let summary = "Resources do not depend on each other in a circle"
    public init() {}
    public var readsTarget: Bool { false }

    /// A dependency: the index of the resource depended on, and whether through `DependsOn`.
    private struct Edge {
        var target: Int
        var dependsOn: Bool
    }

    /// The resources by index (a repeated logical ID keeps its first place and edges), so the
    /// search below hashes no strings.
    private struct Graph {
        var ids: [String] = []
        var edges: [[Edge]] = []
    }

    /// One step of a cycle: a resource and the dependency taken from it.
    private struct Step {
        var from: String
        var target: String
        var dependsOn: Bool
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let graph = Self.graph(context)
        var found: [Diagnostic] = []
        var reported: Set<[String]> = []
        Self.forEachCycle(in: graph) { cycle in
            // One report per set of resources, however many ways round it there are.
            guard reported.insert(cycle.map(\.from).sorted()).inserted else { return }
            let closing = cycle[cycle.count - 1].from
            let described = cycle.map { step in
                "\(step.from) \(step.dependsOn ? "depends on" : "refers to") \(step.target)"
            }.joined(separator: ", ")
            let message = cycle.count == 1
                ? "\(closing) \(cycle[0].dependsOn ? "depends on" : "refers to") itself: CloudFormation refuses the template. Remove it from its own DependsOn"
                : "these resources depend on each other in a circle: \(described). CloudFormation refuses the template (circular dependency); remove one of the DependsOn or references"
            let declared = cycle.first { context.resource($0.from) != nil }?.from
            let located = context.resource(closing) != nil ? closing : declared ?? closing
            found.append(diagnostic(
                .error, message,
                path: "Resources.\(located)" + (cycle.count == 1 && cycle[0].dependsOn ? ".DependsOn" : ""),
                at: context.location(ofLogicalID: located) ?? context.service.location))
        }
        return found
    }

    /// Each resource's dependencies in order: `DependsOn` first, then what it refers to,
    /// restricted to the template's resources, each once.
    private static func graph(_ context: ValidationContext) -> Graph {
        var nodes: [(String, dependsOn: [String], value: Value)] = []
        if let resources = context.template.mapValue?["Resources"]?.mapValue {
            nodes.reserveCapacity(resources.count)
            for (id, definition) in resources {
                let dependsOn = definition.mapValue?["DependsOn"]?.listValue.compactMap(\.stringValue) ?? []
                nodes.append((id, dependsOn, definition.mapValue?["Properties"] ?? .map([:])))
            }
        } else {
            for (index, resource) in context.service.resources.enumerated() {
                nodes.append((resource.logicalID, resource.dependsOn, .map(context.service.properties(ofResourceAt: index))))
            }
        }
        var graph = Graph()
        var indices: [String: Int] = [:]
        indices.reserveCapacity(nodes.count)
        for node in nodes where indices[node.0] == nil {
            indices[node.0] = graph.ids.count
            graph.ids.append(node.0)
        }
        graph.edges = Array(repeating: [], count: graph.ids.count)
        var filled = Array(repeating: false, count: graph.ids.count)
        // The resource whose edges last listed each target: "seen" without a set per resource.
        var listedBy = Array(repeating: -1, count: graph.ids.count)
        for (id, dependsOn, value) in nodes {
            guard let index = indices[id], !filled[index] else { continue }
            filled[index] = true
            var edges: [Edge] = []
            for name in dependsOn {
                guard let target = indices[name], listedBy[target] != index else { continue }
                listedBy[target] = index
                edges.append(Edge(target: target, dependsOn: true))
            }
            value.visitReferences { name in
                guard let target = indices[name], listedBy[target] != index else { return }
                listedBy[target] = index
                edges.append(Edge(target: target, dependsOn: false))
            }
            graph.edges[index] = edges
        }
        return graph
    }

    /// Calls `report` with the steps of each cycle a depth-first search closes, in the order
    /// the resources are listed. Iterative, so a long chain cannot exhaust the stack.
    private static func forEachCycle(in graph: Graph, _ report: ([Step]) -> Void) {
        enum State { case new, visiting, done }
        var state = Array(repeating: State.new, count: graph.ids.count)
        // The path from the root: each resource with the index of its next edge.
        var stack: [(id: Int, next: Int)] = []
        for root in graph.ids.indices where state[root] == .new {
            stack.removeAll(keepingCapacity: true)
            stack.append((root, 0))
            state[root] = .visiting
            while let top = stack.last {
                guard top.next < graph.edges[top.id].count else {
                    state[top.id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = graph.edges[top.id][top.next]
                switch state[edge.target] {
                case .new:
                    state[edge.target] = .visiting
                    stack.append((edge.target, 0))
                case .visiting:
                    guard let start = stack.firstIndex(where: { $0.id == edge.target }) else { continue }
                    let steps = stack[start...].map { frame in
                        let taken = graph.edges[frame.id][frame.next - 1]
                        return Step(from: graph.ids[frame.id], target: graph.ids[taken.target], dependsOn: taken.dependsOn)
                    }
                    report(steps)
                case .done:
                    break
                }
            }
        }
    }
}
