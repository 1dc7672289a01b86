import ArgumentParser
import Fanout
@testable import FanoutCommandLine
import Foundation
import Testing

/// A program that keeps its raw CloudFormation split into nested stacks (past 500 resources a
/// single template cannot deploy): `check` must guard every template of the split.
private struct SplitInfra: FanoutCommand {
    static var service: Service {
        Service("big", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("OrdersTopic", name: "\(Variable.service)-\(Variable.stage)-orders")
            topic
            FanOut(from: topic) {
                for index in 0..<6 { Consumer("consumer\(index)", handler: "src/consumer.handler") }
            }
        }
    }

    static var outputs: [FanoutOutput] { [.serverless(), .splitCloudFormation("cfn", stacks: 3)] }
}

/// `check` and `check --update` with a split output, run in this process (the diffs go to
/// this process's standard output).
@Suite struct CheckSplitTests {
    static let date = ["--date", "2026-11-26"]

    /// What `emit cloudformation --split cfn --stacks 3` writes, by path under the folder.
    static func expectedFiles() throws -> [String: String] {
        let emission = try Pipeline(date: Day(year: 2026, month: 11, day: 26))
            .emitSplit(SplitInfra.service, options: SplitOptions(stackCount: 3))
        return Dictionary(uniqueKeysWithValues: emission.files.map { ("cfn/" + $0.path, $0.text) })
    }

    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-check-split-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func updateWritesEveryTemplateOfTheSplitAndCheckThenPasses() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Check<SplitInfra>.parse(["--update", "--directory", folder] + Self.date).run()
        let expected = try Self.expectedFiles()
        // A root and more than one nested stack: the split is really compared file by file.
        #expect(expected.count >= 3)
        #expect(expected["cfn/root.yaml"] != nil)
        for (path, text) in expected {
            #expect(FileManager.default.contents(atPath: folder + "/" + path) == Data(text.utf8), "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/cfn/stacks").count == expected.count - 1)
        // The clean twin: everything up to date.
        try Check<SplitInfra>.parse(["--directory", folder] + Self.date).run()
    }

    @Test func aChangedOrMissingNestedTemplateFailsTheCheckAndUpdateRestoresIt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Check<SplitInfra>.parse(["--update", "--directory", folder] + Self.date).run()
        let expected = try Self.expectedFiles()
        let nested = try #require(expected.keys.sorted().first { $0.hasPrefix("cfn/stacks/") })
        let path = folder + "/" + nested
        try "Resources: {}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode.failure) { try Check<SplitInfra>.parse(["--directory", folder] + Self.date).run() }
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: ExitCode.failure) { try Check<SplitInfra>.parse(["--directory", folder] + Self.date).run() }
        try Check<SplitInfra>.parse(["--update", "--directory", folder] + Self.date).run()
        #expect(FileManager.default.contents(atPath: path) == Data(try #require(expected[nested]).utf8))
        try Check<SplitInfra>.parse(["--directory", folder] + Self.date).run()
    }
}
