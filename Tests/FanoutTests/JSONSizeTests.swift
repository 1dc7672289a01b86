import Fanout
import FanoutExamples
import Testing

/// `JSONRenderer.byteCount(of:)`, which lets validation measure a template without rendering
/// it, must count exactly what `render` writes.
@Suite struct JSONSizeTests {
    static let values: [Value] = [
        [:], [], "", 0, -12, true, false,
        ["a": [], "b": [:], "c": ["x": [1, 2, ["y": "z"]]]],
        .string("quote \" backslash \\ newline \n tab \t bell \u{07} del \u{7F} é 日本 🎉 \r \u{08} \u{0C}"),
        .ref("Topic"), .getAtt("Queue", "Arn"), .sub("a-${AWS::Region}"), .sub("${X}", ["X": .ref("Y")]),
        .join("-", ["a", .pseudo(.region)]), .function("Fn::Base64", .sub("echo ${AWS::Region}")),
        .text("${self:service}-queue"),
        ["deep": [[[["k": [.ref("A"), .getAtt("B", "Arn")]]]]]],
    ]

    @Test(arguments: values) func countsWhatRenderWrites(_ value: Value) throws {
        #expect(try JSONRenderer().byteCount(of: value) == JSONRenderer().render(value).utf8.count)
        #expect(try JSONRenderer(compact: true).byteCount(of: value) == JSONRenderer(compact: true).render(value).utf8.count)
    }

    @Test func countsTheExamplesTemplates() throws {
        for service in [Examples.tutorial, Examples.production] {
            let template = CloudFormationTranslator().translate(service).template
            #expect(try JSONRenderer().byteCount(of: template) == JSONRenderer().render(template).utf8.count)
        }
    }
}
