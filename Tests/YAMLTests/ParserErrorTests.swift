import Testing
import YAML

/// Malformed input gives a positioned `YAMLError`, never a crash.
struct ParserErrorTests {
    @Test func unclosedQuote() {
        expectError("a: 'abc", at: "1:8", containing: "found unexpected end of stream")
        // libyaml reports the end of the stream on a line of its own; the error points
        // after the last character instead.
        expectError("a: \"abc\n\n", at: "1:8", containing: "while scanning a quoted scalar at line 1, column 4")
    }

    @Test func badIndentation() {
        expectError("a: b\n c: d\n", at: "2:3", containing: "mapping values are not allowed in this context")
    }

    @Test func tabIndentation() {
        expectError("a:\n\tb: c\n", at: "2:1", containing: "found character that cannot start any token")
    }

    @Test func unclosedFlowSequence() {
        expectError("[a, b", at: "1:6", containing: "did not find expected ',' or ']'")
        expectError("k: [a, b\nc: d\n", at: "2:2", containing: "did not find expected ',' or ']'")
    }

    @Test func mismatchedFlowBrackets() {
        expectError("key: [}", at: "1:7", containing: "did not find expected node content")
    }

    @Test func undefinedAlias() {
        expectError("a: *nope\n", at: "1:4", containing: "found undefined alias *nope")
        expectError("*nope", at: "1:1", containing: "undefined alias")
    }

    @Test func sequenceThenMapping() {
        expectError("- a\nb: c\n", at: "2:1", containing: "did not find expected '-' indicator")
    }

    @Test func invalidUTF8() {
        expectError(bytes: Array("a: ".utf8) + [0xFF, 0x0A], at: "1:4", containing: "invalid leading UTF-8 octet")
        // libyaml points at the bad continuation byte, one column after its leading byte.
        expectError(bytes: Array("a: é\nb: ".utf8) + [0xC3, 0x28], at: "2:5", containing: "invalid trailing UTF-8 octet")
    }

    @Test func controlCharacter() {
        expectError("a: b\u{7}\n", at: "1:5", containing: "control characters are not allowed")
        expectError("a: \u{0}\n", at: "1:4", containing: "control characters are not allowed")
    }

    @Test func twoDocuments() {
        expectError("a: 1\n---\nb: 2\n", at: "2:1", containing: "expected a single document")
        expectError("a\n--- b\n", at: "2:1", containing: "expected a single document")
    }

    @Test func otherMalformedInput() {
        expectError("a: b: c\n", at: "1:5", containing: "mapping values are not allowed")
        expectError("a:\n  - b\n - c\n", at: "3:2", containing: "did not find expected key")
        expectError("a:\n  - b\n  c: d\n", at: "3:3", containing: "did not find expected '-' indicator")
        expectError("{a: 1", at: "1:6", containing: "did not find expected ',' or '}'")
        expectError("a: {b: c]\n", at: "1:9", containing: "did not find expected ',' or '}'")
        expectError("- [a\n- b\n", at: "2:4", containing: "did not find expected ',' or ']'")
        expectError("a: 'b'c\n", at: "1:7", containing: "did not find expected key")
        expectError("a: |\n  x\n y: z\n", at: "3:2", containing: "did not find expected key")
        expectError("!<x y", at: "1:", containing: "did not find the expected '>'")
        expectError("%YAML 2.0\n--- a\n", at: "1:1", containing: "found incompatible YAML document")
        expectError("@x", at: "1:1", containing: "cannot start any token")
        expectError("'a\n---\nb'", at: "2:1", containing: "found unexpected document indicator")
    }

    @Test func descriptionLayout() {
        do {
            _ = try Parser.parse("a: 1\nb:\n\t- c\n", path: "serverless.yml")
            Issue.record("no error")
        } catch {
            #expect(error.description == """
                serverless.yml:3:1: error: found character that cannot start any token \
                (while scanning for the next token)
                \t- c
                ^
                """)
        }
    }

    @Test func fuzzedInputNeverCrashes() {
        // Every prefix and every one-byte deletion of a document exercises many error paths.
        let text = Array("""
            a: !Ref X
            b: [1, {c: 'd', e: "f\\n"}]
            g: &g |
              lit
            h: *g
            ? [k]
            : v
            """.utf8)
        var errors = 0
        for end in 0...text.count {
            if (try? Parser.parse(bytes: Array(text[..<end]))) == nil { errors += 1 }
        }
        for index in text.indices {
            var bytes = text
            bytes.remove(at: index)
            do {
                _ = try Parser.parse(bytes: bytes)
            } catch {
                errors += 1
                #expect(error.mark != nil)
            }
        }
        #expect(errors > 0)
    }
}
