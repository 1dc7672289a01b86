import Fanout
import Foundation
import Testing

/// `fanout import`, run as a user would.
@Suite struct ImportCommandTests {
    static let clean = "service: orders\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  trigger:\n    handler: src/trigger.handler\n"

    func fanout(_ arguments: [String], input: String? = nil) throws -> ProgramResult {
        try runProgram(
            PackageRoot.productsDirectory.appendingPathComponent("fanout").path, arguments, input: input,
            currentDirectory: PackageRoot.url.path)
    }

    @Test func printsTheTutorialsSwift() throws {
        let result = try fanout(["import", "Fixtures/seed/serverless.yml", "--name", "importedTutorial"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == (try String(
            contentsOfFile: PackageRoot.path("Tests/FanoutTests/Imported/ImportedTutorial.swift"), encoding: .utf8)))
    }

    @Test func readsStandardInputAndWritesAFile() throws {
        let output = try temporaryFile("old\n", suffix: ".swift")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try fanout(["import", "-", "-o", output], input: Self.clean)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let expected = try ServerlessImport(yaml: Self.clean, file: "<stdin>").service().swiftSource
        #expect(try String(contentsOfFile: output, encoding: .utf8) == expected)
    }

    @Test func contentItCannotImportFailsWithPositionsAndWritesNothing() throws {
        let path = try temporaryFile(Self.clean + "plugins:\n  - serverless-offline\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["import", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("\(path):8:1: error[FAN601]: `plugins` is not imported"))
        #expect(result.standardError.hasSuffix("rerun with --allow-loss to write the Swift without it\n"))

        let lossy = try fanout(["import", path, "--allow-loss"])
        #expect(lossy.status == 0)
        #expect(lossy.standardError.hasPrefix("\(path):8:1: error[FAN601]"))
        #expect(lossy.standardOutput.contains("//   8:1: error[FAN601]: `plugins` is not imported"))
        #expect(lossy.standardOutput.contains("let service = Service(\"orders\", runtime: .nodejs20x) {"))
    }

    @Test func notesAndWarningsDoNotFailTheImport() throws {
        let path = try temporaryFile(Self.clean + "    environment:\n      DEBUG: yes\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["import", path])
        #expect(result.status == 0)
        #expect(result.standardError == "\(path):9:14: warning[FAN609]: `yes` is a boolean to YAML 1.1 readers and a string to YAML 1.2 readers (the Serverless Framework); it is imported as the string \"yes\" and written quoted; write true or false if a boolean is meant\n")
        #expect(result.standardOutput.contains("Environment(\"DEBUG\", \"yes\")"))
    }

    @Test func brokenYAMLIsAPositionedError() throws {
        let path = try temporaryFile("service: orders\nprovider: [a\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try fanout(["import", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            \(path):2:13: error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 11)
            provider: [a
                        ^

            """)
    }

    @Test func helpListsTheOptions() throws {
        let root = try fanout(["--help"])
        #expect(root.standardOutput.contains("import"))
        let help = try fanout(["import", "--help"])
        #expect(help.status == 0)
        for option in ["<file>", "--name <name>", "--allow-loss", "--output <path>"] {
            #expect(help.standardOutput.contains(option), "\(option)")
        }
    }

    /// Standard input that cannot be read (a folder, or closed) is an error, not a trap.
    @Test func unreadableStandardInputIsAnError() throws {
        let binary = PackageRoot.productsDirectory.appendingPathComponent("fanout").path
        for redirect in ["< /tmp", "<&-"] {
            let result = try runProgram("sh", ["-c", "\"$0\" import - \(redirect)", binary])
            #expect(result.status == 1, "\(redirect): \(result.standardError)")
            #expect(result.standardError.hasPrefix("error: cannot read standard input: "), "\(redirect)")
            #expect(result.standardOutput.isEmpty)
        }
    }

    @Test func missingFileAndBadNameAreClearErrors() throws {
        let missing = try fanout(["import", "/nonexistent/serverless.yml"])
        #expect(missing.status == 1)
        #expect(missing.standardError == "error: cannot read /nonexistent/serverless.yml: no such file; name an existing serverless.yml, or - for standard input\n")
        let badName = try fanout(["import", "Fixtures/seed/serverless.yml", "--name", "my-service"])
        #expect(badName.status == 64)
        #expect(badName.standardError.contains("--name must be a Swift identifier that is not a keyword"))
        #expect(try fanout(["import", "Fixtures/seed/serverless.yml", "--name", "class"]).status == 64)
    }
}
