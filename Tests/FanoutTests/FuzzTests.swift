import Foundation
import Testing

/// The library answers any description with diagnostics or errors, never a trap. The
/// `fanout-fuzz` program builds the services in a child process, so a trap (a signal) fails
/// a test instead of killing the suite, and names the seed of the service that caused it.
@Suite(.slow, .tags(.fuzz)) struct FuzzTests {
    /// How a run of `fanout-fuzz` ended.
    struct Run {
        var signalled: Bool
        var status: Int32
        var lines: [String]

        /// The seed of the last service started: the one running when the process died.
        var lastSeed: String? {
            lines.last { $0.hasPrefix("seed ") }.map { String($0.dropFirst(5)) }
        }
    }

    static func fuzz(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = PackageRoot.productsDirectory.appendingPathComponent("fanout-fuzz")
        process.arguments = arguments
        // The backtracer would spend seconds symbolicating a deep stack: the seed says enough.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            signalled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
            lines: String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// A few hundred random services (FANOUT_FUZZ_SEED and FANOUT_FUZZ_COUNT run others).
    @Test func randomServicesNeverTrap() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["FANOUT_FUZZ_SEED"] ?? "20261126"
        let count = environment["FANOUT_FUZZ_COUNT"] ?? "200"
        let run = try Self.fuzz([seed, count])
        let signalled = run.signalled
        #expect(!signalled, "fanout-fuzz died of signal \(run.status) on the service of seed \(run.lastSeed ?? "?"); rerun: fanout-fuzz \(run.lastSeed ?? seed) 1")
        #expect(run.status == 0)
        // The run got through, and some services were deep enough for FAN007 to stop them.
        let summary = try #require(run.lines.last)
        #expect(summary.hasPrefix("done \(count) services"), "\(summary)")
        #expect(!summary.hasSuffix(" 0 of them stopped by FAN007"), "\(summary)")
    }

    /// Values 10,000 and 20,000 levels deep: FAN007 names them, the renderers and the YAML
    /// emitter refuse them, nothing overflows the stack.
    @Test func deepValuesAreReportedAndRefused() throws {
        let run = try Self.fuzz(["deep"])
        let signalled = run.signalled
        #expect(!signalled, "fanout-fuzz deep died of signal \(run.status) after: \(run.lines.last ?? "nothing")")
        #expect(run.status == 0, "\(run.lines.filter { $0.hasPrefix("FAILED") })")
        #expect(run.lines.last == "done")
    }
}
