import Fanout
import Testing

/// The JSON reader `route` reads messages and policies with: escapes, surrogate pairs, the
/// depth it reads to, numbers out of range and repeated keys.
@Suite struct JSONReaderTests {
    @Test func surrogatePairsAndLoneHalves() throws {
        #expect(try JSONReader.read(#""\uD83D\uDE00""#) == .string("😀"))
        // A high half followed by an escape that is not a low half: U+FFFD, then that escape.
        #expect(try JSONReader.read(#""\uD800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONReader.read(#""\uDC00x""#) == .string("\u{FFFD}x"))
        #expect(try JSONReader.read(#""\u00e9\/\n""#) == .string("é/\n"))
    }

    @Test func unicodeEscapesTakeASCIIHexDigitsOnly() {
        // Full-width digits, which Character.hexDigitValue would read.
        #expect(throws: JSONReadError.self) { try JSONReader.read("\"\\u\u{FF10}\u{FF10}41\"") }
        #expect(throws: JSONReadError.self) { try JSONReader.read(#""\u00G1""#) }
    }

    @Test func nestingIsReadToTheLimitAndRefusedPastIt() throws {
        let limit = JSONReader.depthLimit
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONReader.read(deepest) }
        let deeper = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONReadError.self) { try JSONReader.read(deeper) }
        let refused = try? JSONReader.read(String(repeating: "[", count: 100_000))
        #expect(refused == nil)
    }

    @Test func numbersOutOfRangeAreRefusedAndTheirTextKept() throws {
        #expect(throws: JSONReadError.self) { try JSONReader.read("1e400") }
        #expect(try JSONReader.read("3.015e2") == .number(301.5, text: "3.015e2"))
        #expect(throws: JSONReadError.self) { try JSONReader.read("01") }
    }

    @Test func aRepeatedKeyKeepsTheLastValueInTheFirstPlace() throws {
        let members = try JSONReader.read(#"{"a": 1, "b": 2, "a": 3}"#).objectValue
        #expect(members?.keys.elementsEqual(["a", "b"]) == true)
        #expect(members?["a"] == .number(3, text: "3"))
    }
}
