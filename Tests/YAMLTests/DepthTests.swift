import Testing
import YAML

/// Nodes as deep as the parser reads are safe to emit, compare and hash; the emitter refuses
/// deeper ones instead of recursing without end.
@Suite struct DepthTests {
    func nested(_ depth: Int) -> Node {
        var node: Node = .string("leaf")
        for index in 0..<depth {
            node = index.isMultiple(of: 2) ? .sequence(Node.Sequence([node])) : .mapping(Node.Mapping(["k": node]))
        }
        return node
    }

    @Test func nodesAtTheParsersLimitRoundTrip() throws {
        let node = nested(Parser.maxDepth)
        let text = try Emitter.emit(node)
        let parsed = try Parser.parse(text)
        #expect(parsed == node)
        #expect(parsed.hashValue == node.hashValue)
    }

    @Test func deeperNodesAreRefusedByTheEmitter() {
        #expect(throws: YAMLError("cannot write nesting deeper than 512 levels, the most the parser reads")) {
            try Emitter.emit(nested(Parser.maxDepth + 1))
        }
    }
}
