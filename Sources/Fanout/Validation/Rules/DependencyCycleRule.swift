/// FAN013: resources that depend on each other, or on themselves, through `DependsOn` or
/// references (`Ref`, `GetAtt`, `Sub`). CloudFormation refuses such a template ("Circular
/// dependency between resources"). The compiled template is searched when there is one, so
/// the generated resources (functions, roles, event source mappings) take part.
public struct DependencyCycleRule: Rule {
    public let code = "FAN013"
    public let summary = "Resources do not depend on each other in a circle"
    public init() {}

    private struct Edge {
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
                "\(step.from) \(step.edge.dependsOn ? "depends on" : "refers to") \(step.edge.target)"
            }.joined(separator: ", ")
            let message = cycle.count == 1
                ? "\(closing) \(cycle[0].edge.dependsOn ? "depends on" : "refers to") itself: CloudFormation refuses the template. Remove it from its own DependsOn"
                : "these resources depend on each other in a circle: \(described). CloudFormation refuses the template (circular dependency); remove one of the DependsOn or references"
            let declared = cycle.first { context.resource($0.from) != nil }?.from
            let located = context.resource(closing) != nil ? closing : declared ?? closing
            found.append(diagnostic(
                .error, message,
                path: "Resources.\(located)" + (cycle.count == 1 && cycle[0].edge.dependsOn ? ".DependsOn" : ""),
                at: context.location(ofLogicalID: located) ?? context.service.location))
        }
        return found
    }

    /// Each resource's dependencies in order: `DependsOn` first, then what it refers to,
    /// restricted to the template's resources.
    private static func graph(_ context: ValidationContext) -> [(String, [Edge])] {
        var nodes: [(String, dependsOn: [String], value: Value)] = []
        if let resources = context.template.mapValue?["Resources"]?.mapValue {
            for (id, definition) in resources {
                let dependsOn = definition.mapValue?["DependsOn"]?.listValue.compactMap(\.stringValue) ?? []
                nodes.append((id, dependsOn, definition.mapValue?["Properties"] ?? .map([:])))
            }
        } else {
            for resource in context.service.resources {
                nodes.append((resource.logicalID, resource.dependsOn, .map(resource.properties)))
            }
        }
        let ids = Set(nodes.map(\.0))
        return nodes.map { id, dependsOn, value in
            var edges: [Edge] = []
            var seen: Set<String> = []
            for target in dependsOn where ids.contains(target) && seen.insert(target).inserted {
                edges.append(Edge(target: target, dependsOn: true))
            }
            for target in value.referencedLogicalIDs where ids.contains(target) && seen.insert(target).inserted {
                edges.append(Edge(target: target, dependsOn: false))
            }
            return (id, edges)
        }
    }

    /// Calls `report` with the steps of each cycle a depth-first search closes, in the order
    /// the resources are listed. Iterative, so a long chain cannot exhaust the stack.
    private static func forEachCycle(in graph: [(String, [Edge])], _ report: ([(from: String, edge: Edge)]) -> Void) {
        let edges = Dictionary(graph.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        enum State { case visiting, done }
        var state: [String: State] = [:]
        for (root, _) in graph where state[root] == nil {
            // The path from the root: each resource with the index of its next edge.
            var stack: [(id: String, next: Int)] = [(root, 0)]
            state[root] = .visiting
            while let top = stack.last {
                let outgoing = edges[top.id] ?? []
                guard top.next < outgoing.count else {
                    state[top.id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = outgoing[top.next]
                switch state[edge.target] {
                case nil:
                    state[edge.target] = .visiting
                    stack.append((edge.target, 0))
                case .visiting?:
                    guard let start = stack.firstIndex(where: { $0.id == edge.target }) else { continue }
                    let steps = stack[start...].map { frame in
                        (from: frame.id, edge: (edges[frame.id] ?? [])[frame.next - 1])
                    }
                    report(steps)
                case .done?:
                    break
                }
            }
        }
    }
}
