import ArgumentParser
import Fanout
@testable import FanoutCommandLine
import Foundation
import Testing

/// A program whose service has an error in one output: its stage is no valid stage name.
private struct BrokenInfra: FanoutCommand {
    static var service: Service {
        Service("orders", runtime: .nodejs24x, region: "eu-central-1") {
            Queue("Orders", name: "orders")
        }
    }

    static var outputs: [FanoutOutput] { [.serverless(), .cloudFormation(stage: "has space")] }
}

/// `check` on a service with errors, run in this process (it prints to this process's
/// standard error): the errors fail it and nothing is written, even with --update.
@Suite struct CheckErrorTests {
    @Test func errorsFailTheCheckAndNothingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-broken-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for arguments in [["--directory", folder, "--date", "2026-11-26"], ["--update", "--directory", folder, "--date", "2026-11-26"]] {
            let command = try Check<BrokenInfra>.parse(arguments)
            #expect(throws: ExitCode.failure) { try command.run() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func theCleanTwinPasses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-clean-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let update = try Check<CleanInfra>.parse(["--update", "--directory", folder, "--date", "2026-11-26"])
        try update.run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["cloudformation.yaml", "serverless.yml"])
        let check = try Check<CleanInfra>.parse(["--directory", folder, "--date", "2026-11-26"])
        try check.run()
    }
}

/// `BrokenInfra` with a valid stage.
private struct CleanInfra: FanoutCommand {
    static var service: Service { BrokenInfra.service }
    static var outputs: [FanoutOutput] { [.serverless(), .cloudFormation(stage: "prod")] }
}
