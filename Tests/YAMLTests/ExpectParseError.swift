import Testing
import YAML

/// Expects parsing `text` to fail with a message at `position` (`line:column`, or a prefix).
func expectError(
    _ text: String, at position: String, containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectError(bytes: Array(text.utf8), at: position, containing: message, sourceLocation: sourceLocation)
}

func expectError(
    bytes: [UInt8], at position: String, containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let node = try Parser.parse(bytes: bytes, path: "test.yml")
        Issue.record("no error; parsed \(node)", sourceLocation: sourceLocation)
    } catch {
        let description = error.description
        #expect(description.hasPrefix("test.yml:\(position)"), "\(description)", sourceLocation: sourceLocation)
        #expect(description.contains("error: "), "\(description)", sourceLocation: sourceLocation)
        #expect(error.message.contains(message), "\(description)", sourceLocation: sourceLocation)
        let lines = description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "\(description)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasSuffix("^") == true, "\(description)", sourceLocation: sourceLocation)
        #expect(error.sourceLine != nil, sourceLocation: sourceLocation)
    }
}
