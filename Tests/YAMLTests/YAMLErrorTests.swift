import Testing
import YAML

struct YAMLErrorTests {
    @Test func descriptionWithEverything() {
        let error = YAMLError(
            "mapping values are not allowed in this context", mark: Mark(line: 2, column: 3),
            path: "serverless.yml", sourceLine: " c: d")
        #expect(error.description == """
            serverless.yml:2:3: error: mapping values are not allowed in this context
             c: d
              ^
            """)
    }

    @Test func descriptionWithoutPathOrSourceLine() {
        #expect(YAMLError("bad", mark: Mark(line: 1, column: 4)).description == "1:4: error: bad")
        #expect(YAMLError("bad").description == "error: bad")
        #expect(YAMLError("bad", path: "a.yml").description == "a.yml: error: bad")
    }

    @Test func caretKeepsTabsSoItLinesUp() {
        let error = YAMLError("x", mark: Mark(line: 1, column: 4), sourceLine: "\t\tab: c")
        #expect(error.description == "1:4: error: x\n\t\tab: c\n\t\t ^")
    }

    @Test func caretCountsUnicodeScalars() {
        let error = YAMLError("x", mark: Mark(line: 1, column: 5), sourceLine: "日本: x")
        #expect(error.description.hasSuffix("\n日本: x\n    ^"))
    }

    @Test func caretPastTheEndOfTheLine() {
        let error = YAMLError("x", mark: Mark(line: 1, column: 6), sourceLine: "ab")
        #expect(error.description.hasSuffix("\nab\n     ^"))
    }

    @Test func parserErrorsCarryPathAndLine() throws {
        let error = #expect(throws: YAMLError.self) {
            try Parser.parse("a: 1\nb: [\n", path: "config/serverless.yml")
        }
        #expect(error?.path == "config/serverless.yml")
        #expect(error?.mark == Mark(line: 2, column: 5))
        #expect(error?.sourceLine == "b: [")
    }
}
