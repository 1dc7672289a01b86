import Fanout
import FanoutExamples
import Foundation
import Testing

/// `fanout check` run as CI runs it, in a folder of its own; and `graph`, and the options the
/// library's commands share.
@Suite struct CheckCommandTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func fanout(_ arguments: [String], date: String = "2026-11-26") throws -> ProgramResult {
        try runProgram(
            PackageRoot.productsDirectory.appendingPathComponent("fanout").path, arguments,
            currentDirectory: folder, environment: ["FANOUT_DATE": date])
    }

    func file(_ name: String) -> String { folder + "/" + name }

    func contents(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    /// Writes the committed files as `check --update` does, and removes the folder afterwards.
    func withCommittedFiles(_ body: () throws -> Void) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let update = try fanout(["check", "--update"])
        #expect(update.status == 0, "\(update.standardError)")
        try body()
    }

    /// `--update` creates an output's missing folder instead of failing on it.
    @Test func updateCreatesMissingFolders() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let update = try fanout(["check", "--update", "--directory", "deploy/dev"])
        #expect(update.status == 0, "\(update.standardError)")
        #expect(FileManager.default.fileExists(atPath: file("deploy/dev/serverless.yml")))
        #expect(try fanout(["check", "--directory", "deploy/dev"]).status == 0)
    }

    @Test func missingFilesAreDriftAndUpdateWritesThem() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try fanout(["check"])
        #expect(missing.status == 1)
        #expect(missing.standardOutput.hasPrefix("serverless.yml: missing\ncloudformation.yaml: missing\n"))
        #expect(missing.standardOutput.hasSuffix(
            "check: 2 of 2 files differ from what fanout generates; run `fanout check --update` to rewrite them, then review and commit\n"))
        let update = try fanout(["check", "--update"])
        #expect(update.status == 0, "\(update.standardError)")
        #expect(update.standardOutput.hasSuffix("updated serverless.yml\nupdated cloudformation.yaml\n"))
        #expect(try contents("serverless.yml") == (try Examples.tutorial.serverlessYAML()))
        #expect(try contents("cloudformation.yaml") == (try Examples.tutorial.cloudFormation(.yaml)))
        let check = try fanout(["check"])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput == "check: serverless.yml, cloudformation.yaml up to date\n")
    }

    @Test func updateLeavesUpToDateFilesUntouched() throws {
        try withCommittedFiles {
            let old = Date(timeIntervalSince1970: 1_000_000_000)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file("serverless.yml"))
            let before = try FileManager.default.attributesOfItem(atPath: file("serverless.yml"))
            let again = try fanout(["check", "--update"])
            #expect(again.status == 0)
            #expect(!again.standardOutput.contains("updated"))
            let after = try FileManager.default.attributesOfItem(atPath: file("serverless.yml"))
            #expect(after[.modificationDate] as? Date == old)
            #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        }
    }

    @Test func aRenamedQueueIsADiffAReplacementAndADataLossWarning() throws {
        try withCommittedFiles {
            let committed = try contents("cloudformation.yaml")
            let edited = committed.replacingOccurrences(
                of: "QueueName: serverless-async-fanout-processing-queue-one", with: "QueueName: serverless-async-fanout-renamed")
            #expect(edited != committed)
            try edited.write(toFile: file("cloudformation.yaml"), atomically: true, encoding: .utf8)
            let result = try fanout(["check"])
            #expect(result.status == 1)
            let output = result.standardOutput
            #expect(output.hasPrefix("--- cloudformation.yaml\n+++ cloudformation.yaml (generated)\n@@ -"))
            #expect(output.contains("\n-      QueueName: serverless-async-fanout-renamed\n+      QueueName: serverless-async-fanout-processing-queue-one\n"))
            #expect(output.contains("\ncloudformation.yaml: 1 replaced, 0 removed, 0 added, 0 modified in place\n"))
            #expect(output.contains("\n  replaced           ProcessingQueueOne (AWS::SQS::Queue): QueueName\n"))
            #expect(output.contains(
                "\nwarning: data loss: ProcessingQueueOne (AWS::SQS::Queue) is replaced because QueueName cannot change in place; it is a queue: CloudFormation deletes it with the messages waiting in it\n"))
            #expect(output.hasSuffix("check: 1 of 2 files differs from what fanout generates; run `fanout check --update` to rewrite them, then review and commit\n"))
            // The file is left as it was; --update restores it.
            #expect(try contents("cloudformation.yaml") == edited)
            #expect(try fanout(["check", "--update"]).status == 0)
            #expect(try contents("cloudformation.yaml") == committed)
            #expect(try fanout(["check"]).status == 0)
        }
    }

    @Test func serverlessYAMLResourcesAreSummarised() throws {
        try withCommittedFiles {
            let committed = try contents("serverless.yml")
            let edited = committed.replacingOccurrences(of: "  ProcessingQueueTwo:\n", with: "  QueueTwo:\n")
            #expect(edited != committed)
            try edited.write(toFile: file("serverless.yml"), atomically: true, encoding: .utf8)
            let result = try fanout(["check"])
            #expect(result.status == 1)
            #expect(result.standardOutput.contains("\nserverless.yml (resources: section): 0 replaced, 1 removed, 1 added, 0 modified in place\n"))
            #expect(result.standardOutput.contains("\nwarning: data loss: QueueTwo (AWS::SQS::Queue) is removed; it is a queue"))
        }
    }

    @Test func lifecycleFindingsNeverChangeTheVerdict() throws {
        try withCommittedFiles {
            let result = try fanout(["check"], date: "2027-03-01")
            #expect(result.status == 0)
            #expect(result.standardError.contains("warning[FAN502]"))
        }
    }

    @Test func theGoldenFilesAreWhatTheExamplesGenerate() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seed = try fanout(["check", "--directory", PackageRoot.path("Fixtures/seed")])
        #expect(seed.status == 0, "\(seed.standardOutput)")
        let production = try fanout(["check", "--example", "production", "--directory", PackageRoot.path("Fixtures/production")])
        #expect(production.status == 0, "\(production.standardOutput)")
    }

    @Test func graphDrawsTheService() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for format in DiagramFormat.allCases {
            let result = try fanout(["graph", "--format", format.rawValue, "--example", "production"])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == Examples.production.diagram(format))
        }
        #expect(try fanout(["graph", "--format", "svg"]).status == 64)
    }

    @Test func helpListsEveryCommand() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = try fanout(["--help"])
        for command in ["emit", "lint", "check", "graph"] {
            #expect(root.standardOutput.contains("\n  \(command) "), "\(command)")
        }
        let check = try fanout(["check", "--help"])
        for option in ["--update", "--directory <dir>", "--example <name>", "--date <date>"] {
            #expect(check.standardOutput.contains(option))
        }
        #expect(try fanout(["graph", "--help"]).standardOutput.contains("--format <format>"))
    }

    @Test func aRegionMustLookLikeOne() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for region in ["eu-central-1", "us-gov-west-1", "eusc-de-east-1"] {
            #expect(try fanout(["emit", "cloudformation", "--region", region]).status == 0, "\(region)")
        }
        for region in ["Frankfurt", "eu_central_1", "eu-central", "eu-central-1 ", "${aws:region}"] {
            let result = try fanout(["lint", "--region", region])
            #expect(result.status == 64, "\(region)")
            #expect(result.standardError.contains("invalid region '\(region)'; a region is written like eu-central-1"))
        }
    }

    @Test func anEmptyFanoutDateCountsAsUnset() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try fanout(["emit", "serverless"], date: "")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try Examples.tutorial.serverlessYAML()))
    }
}
