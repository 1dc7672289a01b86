import Foundation
import Testing

/// Compares `actual` with the golden file at `relativePath` (from the repository root), byte
/// for byte. A mismatch records an issue with a line diff. With `UPDATE_GOLDENS=1` the golden
/// is rewritten and the test fails anyway, so that a recording never passes silently.
func expectGolden(
    _ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let path = PackageRoot.path(relativePath)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(relativePath) (UPDATE_GOLDENS=1); run again without it", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record \(relativePath): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
        Issue.record("missing golden \(relativePath); record it with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record(
            "\(relativePath) differs from the output (- golden, + actual):\n\(lineDiff(expected, actual))",
            sourceLocation: sourceLocation)
    }
}

/// The lines that differ between two texts, with line numbers, `-` for old and `+` for new.
func lineDiff(_ old: String, _ new: String) -> String {
    let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
    let newLines = new.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [(Int, String)] = []
    for change in newLines.difference(from: oldLines) {
        switch change {
        case .remove(let offset, let line, _): lines.append((offset, "-\(offset + 1): \(line)"))
        case .insert(let offset, let line, _): lines.append((offset, "+\(offset + 1): \(line)"))
        }
    }
    if lines.isEmpty { return "(the texts differ only in bytes that do not show as lines)" }
    return lines.map(\.1).joined(separator: "\n")
}
