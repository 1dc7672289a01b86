import Fanout
import FanoutExamples
import Foundation
import Testing

/// Runs the built `fanout` executable as a user would.
@Suite struct CommandLineTests {
    func fanout(_ arguments: [String]) throws -> ProgramResult { try runFanout(arguments) }

    @Test func noArgumentsPrintsTheTutorialsServerlessYAML() throws {
        let result = try fanout([])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try Examples.tutorial.serverlessYAML()))
    }

    @Test func emitServerlessWritesTheFile() throws {
        let path = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["emit", "serverless", "-o", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try Examples.tutorial.serverlessYAML()))
    }

    @Test func unwritableOutputFailsAndSaysWhy() throws {
        let path = "/nonexistent-fanout-dir/serverless.yml"
        let result = try fanout(["emit", "serverless", "--output", path])
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix(
            "\nerror: cannot write \(path): the folder /nonexistent-fanout-dir does not exist; create it first\n"))
    }

    @Test func unknownExampleIsAUsageError() throws {
        let result = try fanout(["emit", "serverless", "--example", "nope"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("unknown example 'nope'; choose one of: tutorial"))
    }

    @Test func helpDescribesEveryCommand() throws {
        let root = try fanout(["--help"])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains("emit"))
        #expect(root.standardOutput.contains("Describe a serverless fan-out in Swift"))
        #expect(root.standardOutput.contains("lint"))
        let emit = try fanout(["emit", "serverless", "--help"])
        #expect(emit.standardOutput.contains("--output <path>"))
        #expect(emit.standardOutput.contains("--example <name>"))
        let cloudFormation = try fanout(["emit", "cloudformation", "--help"])
        for option in ["--format <format>", "--stage <name>", "--region <name>", "--inline-code <dir>", "--date <date>"] {
            #expect(cloudFormation.standardOutput.contains(option))
        }
        let lint = try fanout(["lint", "--help"])
        for option in ["--format <format>", "--werror", "--target <target>", "--date <date>"] {
            #expect(lint.standardOutput.contains(option))
        }
    }

    @Test func separateRunsWriteTheSameBytes() throws {
        // Each process hashes with its own random seed, so an unordered collection in the
        // output would show here.
        for arguments in [["emit", "serverless"], ["emit", "cloudformation"], ["emit", "cloudformation", "--format", "json"],
                          ["emit", "cloudformation", "--example", "production"], ["lint", "--format", "json"]] {
            let first = try fanout(arguments)
            let second = try fanout(arguments)
            #expect(first.status == 0)
            #expect(!first.standardOutput.isEmpty)
            #expect(first.standardOutput == second.standardOutput, "\(arguments)")
        }
    }

    @Test func emitCloudFormationInBothFormats() throws {
        for format in TemplateFormat.allCases {
            let result = try fanout(["emit", "cloudformation", "--format", format.rawValue])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == (try Examples.tutorial.cloudFormation(format)))
        }
    }

    @Test func emitCloudFormationForAStage() throws {
        let result = try fanout(["emit", "cloudformation", "--stage", "prod"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("FunctionName: serverless-async-fanout-prod-trigger"))
        #expect(result.standardOutput.contains("StageName: prod"))
    }

    @Test func emitCloudFormationWithInlineCode() throws {
        let result = try fanout(["emit", "cloudformation", "--inline-code", PackageRoot.path("Templates/tutorial")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("ZipFile: "))
        #expect(result.standardOutput.contains("Handler: index.handler"))
    }

    @Test func missingInlineCodeIsAnErrorAndWritesNothing() throws {
        let path = try temporaryFile("keep\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["emit", "cloudformation", "--inline-code", "/nonexistent", "-o", path])
        #expect(result.status == 1)
        // Every handler that cannot be read, with its code and its function's line.
        #expect(result.standardError.contains("error[FAN006]: cannot read /nonexistent/src/trigger.js, the handler file of function 'trigger'"))
        #expect(result.standardError.contains("error[FAN006]: cannot read /nonexistent/src/processorTwo.js"))
        #expect(result.standardError.hasSuffix("3 errors: nothing was emitted\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
    }

    @Test func lintReportsUnreadableHandlersInItsFormat() throws {
        let result = try fanout(["lint", "--format", "json", "--inline-code", "/nonexistent"])
        #expect(result.status == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        let inline = findings.filter { $0["code"] as? String == "FAN006" }.compactMap { $0["message"] as? String }
        // One finding per handler (the reason it could not be read), none repeated by the compiler.
        #expect(inline.count == 3)
        #expect(inline.allSatisfy { $0.hasPrefix("cannot read /nonexistent/src/") })
    }

    @Test func lintWithReadableHandlersHasNoInlineFindings() throws {
        let result = try fanout(["lint", "--format", "json", "--inline-code", PackageRoot.path("Templates/tutorial")])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "FAN006" } == false)
        #expect(!findings.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try fanout(["emit", "cloudformation", "--format", "toml"])
        #expect(result.status == 64)
    }
}

/// `fanout lint` and the validation `fanout emit` runs first.
@Suite struct LintCommandTests {
    /// What the library finds in the tutorial on the day the command is run for.
    static let seedDiagnostics = Validator().validate(Examples.tutorial, on: Day(year: 2026, month: 11, day: 26))

    func fanout(_ arguments: [String], date: String = "2026-11-26") throws -> ProgramResult {
        try runFanout(arguments, date: date)
    }

    @Test func lintPrintsTheSeedsGolden() throws {
        let result = try fanout(["lint", "--date", "2026-11-26"])
        #expect(result.status == 0, "\(result.standardError)")
        let golden = try String(contentsOfFile: PackageRoot.path("Fixtures/seed/lint.txt"), encoding: .utf8)
        #expect(result.standardOutput == golden)
    }

    @Test func werrorFailsOnWarnings() throws {
        #expect(try fanout(["lint", "--werror"]).status == 1)
    }

    @Test func errorsExitWithOne() throws {
        let result = try fanout(["lint", "--date", "2027-03-01"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[FAN502]: runtime nodejs18.x is blocked for creating functions since 2027-02-01"))
    }

    @Test func badDateIsAUsageError() throws {
        #expect(try fanout(["lint", "--date", "2026-02-30"]).status == 64)
        #expect(try fanout(["lint", "--format", "xml"]).status == 64)
        #expect(try fanout(["lint"], date: "yesterday").status == 64)
    }

    @Test func jsonHasOneObjectPerDiagnostic() throws {
        let result = try fanout(["lint", "--format", "json"])
        let objects = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect(objects?.count == Self.seedDiagnostics.count)
        #expect(objects?.compactMap { $0["code"] as? String } == Self.seedDiagnostics.map(\.code))
        #expect(objects?.first?["code"] as? String == "FAN501")
        #expect(objects?.first?["file"] as? String == "Sources/FanoutExamples/Tutorial.swift")
        #expect(objects?.first?["line"] as? Int != nil)
        #expect(objects?.allSatisfy { $0["severity"] is String && $0["message"] is String && $0["path"] is String } == true)
    }

    @Test func sarifHasTheRequiredFields() throws {
        let result = try fanout(["lint", "--format", "sarif"])
        let log = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        #expect(runs?.count == 1)
        let driver = (runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "fanout")
        let ruleIDs = Set(((driver?["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.count == Self.seedDiagnostics.count)
        for result in results {
            let ruleID = result["ruleId"] as? String ?? ""
            #expect(ruleIDs.contains(ruleID))
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Sources/FanoutExamples/Tutorial.swift")
            #expect(((physical?["region"] as? [String: Any])?["startLine"] as? Int ?? 0) > 0)
        }
    }

    @Test func emitPrintsWarningsAndStillWrites() throws {
        let result = try fanout(["emit", "serverless"])
        #expect(result.status == 0)
        #expect(result.standardError.contains("warning[FAN501]"))
        #expect(!result.standardError.contains("note["))
        #expect(result.standardOutput.hasPrefix("service: serverless-async-fanout\n"))
    }

    @Test func emitWithAnErrorWritesNothing() throws {
        let path = try temporaryFile("keep\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["emit", "cloudformation", "--stage", "has space", "-o", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Sources/FanoutExamples/Tutorial.swift:21: error[FAN401]"))
        #expect(result.standardError.contains("error: nothing was written"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
    }

    @Test func aBlockedRuntimeWarnsOnEmitAndFailsLint() throws {
        for command in [["emit"], ["emit", "serverless"], ["emit", "cloudformation"]] {
            let result = try fanout(command, date: "2027-03-01")
            #expect(result.status == 0)
            #expect(result.standardError.contains("Sources/FanoutExamples/Tutorial.swift:5: warning[FAN502]"))
            #expect(!result.standardOutput.isEmpty)
        }
        let emitted = try fanout([], date: "2027-03-01")
        #expect(emitted.standardOutput == (try String(contentsOfFile: PackageRoot.path("Fixtures/seed/serverless.yml"), encoding: .utf8)))
        let lint = try fanout(["lint", "--date", "2027-03-01"])
        #expect(lint.status == 1)
        #expect(lint.standardOutput.contains("Sources/FanoutExamples/Tutorial.swift:5: error[FAN502]"))
    }
}
