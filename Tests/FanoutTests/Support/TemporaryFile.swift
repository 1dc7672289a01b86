import Foundation

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(_ text: String, suffix: String = ".yml") throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("fanout-\(UUID().uuidString)\(suffix)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
