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
        // Intrinsics count the levels JSON writes them with: {"Fn::GetAtt": [id, attribute]}.
        let getAtt = nested(RenderError.depthLimit - 2, leaf: .getAtt("Queue", "Arn"))
        #expect(throws: Never.self) { try YAMLRenderer().render(getAtt) }
        #expect(throws: Never.self) { try JSONRenderer().render(getAtt) }
    }

    @Test func deeperDocumentsAreRefused() {
        let tooDeep = RenderError.tooDeep(limit: RenderError.depthLimit)
        let tooDeepValues = [
            nested(RenderError.depthLimit + 1),
            nested(RenderError.depthLimit - 1, leaf: .getAtt("Queue", "Arn")),
            nested(RenderError.depthLimit, leaf: .ref("Queue")),
            nested(RenderError.depthLimit - 2, leaf: .join(",", ["a"])),
            nested(RenderError.depthLimit - 2, leaf: .sub("${X}", ["X": "x"])),
            nested(RenderError.depthLimit, leaf: .function("Fn::Base64", "x")),
        ]
        for value in tooDeepValues {
            #expect(value.nestingDepth == RenderError.depthLimit + 1)
            #expect(throws: tooDeep) { try YAMLRenderer().render(value) }
            #expect(throws: tooDeep) { try JSONRenderer().render(value) }
            #expect(throws: tooDeep) { try JSONRenderer(compact: true).render(value) }
        }
        #expect(tooDeep.description.contains("deeper than 512 levels"))
    }
}
