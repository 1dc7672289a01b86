import Fanout
import Foundation
import Testing

/// Runs the built `fanout` executable as a user would.
@Suite struct CommandLineTests {
    let fanout = PackageRoot.productsDirectory.appendingPathComponent("fanout").path

    @Test func noArgumentsPrintsTheTutorialsServerlessYAML() throws {
        let result = try runProgram(fanout, [])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try Examples.tutorial.serverlessYAML()))
    }

    @Test func emitServerlessWritesTheFile() throws {
        let path = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runProgram(fanout, ["emit", "serverless", "-o", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try Examples.tutorial.serverlessYAML()))
    }

    @Test func unwritableOutputFailsAndSaysWhy() throws {
        let path = "/nonexistent-fanout-dir/serverless.yml"
        let result = try runProgram(fanout, ["emit", "serverless", "--output", path])
        #expect(result.status == 1)
        #expect(result.standardError == "error: cannot write \(path): No such file or directory\n")
    }

    @Test func unknownExampleIsAUsageError() throws {
        let result = try runProgram(fanout, ["emit", "serverless", "--example", "nope"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("unknown example 'nope'; choose one of: tutorial"))
    }

    @Test func helpDescribesEveryCommand() throws {
        let root = try runProgram(fanout, ["--help"])
        #expect(root.status == 0)
        #expect(root.standardOutput.contains("emit"))
        #expect(root.standardOutput.contains("Describe a serverless fan-out in Swift"))
        let emit = try runProgram(fanout, ["emit", "serverless", "--help"])
        #expect(emit.standardOutput.contains("--output <path>"))
        #expect(emit.standardOutput.contains("--example <name>"))
    }

    @Test func emitCloudFormationInBothFormats() throws {
        for format in TemplateFormat.allCases {
            let result = try runProgram(fanout, ["emit", "cloudformation", "--format", format.rawValue])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == (try Examples.tutorial.cloudFormation(format)))
        }
    }

    @Test func emitCloudFormationForAStage() throws {
        let result = try runProgram(fanout, ["emit", "cloudformation", "--stage", "prod"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("FunctionName: serverless-async-fanout-prod-trigger"))
        #expect(result.standardOutput.contains("StageName: prod"))
    }

    @Test func emitCloudFormationWithInlineCode() throws {
        let result = try runProgram(fanout, ["emit", "cloudformation", "--inline-code", PackageRoot.path("Templates/tutorial")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("ZipFile: "))
        #expect(result.standardOutput.contains("Handler: index.handler"))
    }

    @Test func missingInlineCodeIsAnErrorAndWritesNothing() throws {
        let path = try temporaryFile("keep\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runProgram(fanout, ["emit", "cloudformation", "--inline-code", "/nonexistent", "-o", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: cannot read /nonexistent/src/trigger.js, the handler file of function 'trigger'"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try runProgram(fanout, ["emit", "cloudformation", "--format", "toml"])
        #expect(result.status == 64)
    }
}
