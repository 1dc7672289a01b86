import Foundation

/// Paths inside this repository, found from this source file's location.
enum PackageRoot {
    /// The repository root (the folder holding Package.swift).
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // FanoutTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// The folder holding the built products (`fanout`): the test binary's folder on Linux,
    /// the folder around the `.xctest` bundle on macOS.
    static var productsDirectory: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("fanout").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }
}
