import Fanout
import Testing
import YAML

/// The renderers write documents as deep as the YAML parser reads (512 levels) and refuse
/// deeper ones with an error, instead of recursing until the stack overflows.
@Suite struct RenderDepthTests {
    func nested(_ depth: Int, leaf: Value = "leaf") -> Value {
        var value = leaf
        for index in 0..<depth { value = index.isMultiple(of: 2) ? [value] : ["k": value] }
        return value
    }

    @Test func documentsAtTheLimitRenderAndReadBack() throws {
        let value = nested(RenderError.depthLimit)
        let yaml = try YAMLRenderer().render(value)
        // 512 levels deep: Node equality and hashing recurse that deep without trouble.
        let parsed = try Parser.parse(yaml)
        #expect(parsed == (try YAMLRenderer().node(value)))
        #expect(parsed.hashValue == (try YAMLRenderer().node(value)).hashValue)
        let json = try JSONRenderer().render(value)
        #expect(try Parser.parse(json) == parsed)
    }

    @Test func deeperDocumentsAreRefused() {
        let tooDeep = RenderError.tooDeep(limit: RenderError.depthLimit)
        for value in [nested(RenderError.depthLimit + 1), nested(RenderError.depthLimit - 1, leaf: .getAtt("Queue", "Arn"))] {
            #expect(throws: tooDeep) { try YAMLRenderer().render(value) }
            #expect(throws: tooDeep) { try JSONRenderer().render(value) }
            #expect(throws: tooDeep) { try JSONRenderer(compact: true).render(value) }
        }
        #expect(tooDeep.description.contains("deeper than 512 levels"))
    }
}
