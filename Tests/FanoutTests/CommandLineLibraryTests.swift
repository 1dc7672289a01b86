import Foundation
import Testing

extension Tag {
    /// A test that builds a separate Swift package (minutes on a small machine).
    @Tag static var package: Self
}

/// FanoutCommandLine from outside: Tests/ClientPackage is a user's package that depends on
/// this repository by path and has one `@main struct Infra: FanoutCommand`. The test builds
/// it (in its own .build folder) and runs it as a user would.
@Suite(.slow, .tags(.package)) struct CommandLineLibraryTests {
    static let package = PackageRoot.path("Tests/ClientPackage")

    @Test(.timeLimit(.minutes(30))) func aUsersPackageGetsEveryCommand() throws {
        let build = try runProgram("swift", ["build", "--package-path", Self.package])
        try #require(build.status == 0, "\(build.standardOutput)\(build.standardError)")
        #expect(!build.standardOutput.contains("warning:") && !build.standardError.contains("warning:"),
                "\(build.standardOutput)\(build.standardError)")
        let infra = Self.package + "/.build/debug/Infra"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-infra-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func run(_ arguments: [String]) throws -> ProgramResult {
            try runProgram(infra, arguments, currentDirectory: folder, environment: ["FANOUT_DATE": "2026-11-26"])
        }

        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: Infra <subcommand>"))
        for command in ["emit", "lint", "check", "graph", "route"] {
            #expect(help.standardOutput.contains("\n  \(command) "), "\(command)")
            #expect(try run([command, "--help"]).status == 0, "\(command)")
        }
        #expect(!help.standardOutput.contains("--example"))

        let missing = try run(["check"])
        #expect(missing.status == 1)
        #expect(missing.standardOutput.contains("serverless.yml: missing\n"))
        let update = try run(["check", "--update"])
        #expect(update.status == 0, "\(update.standardError)")
        #expect(update.standardOutput == "serverless.yml: missing\ncloudformation.yaml: missing\nupdated serverless.yml\nupdated cloudformation.yaml\n")
        let check = try run(["check"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let serverless = try String(contentsOfFile: folder + "/serverless.yml", encoding: .utf8)
        #expect(serverless.hasPrefix("service: orders\n"))
        #expect(try run(["emit", "serverless"]).standardOutput == serverless)
        let template = try String(contentsOfFile: folder + "/cloudformation.yaml", encoding: .utf8)
        #expect(template.contains("  BillingQueue:\n    Type: AWS::SQS::Queue\n"))

        let lint = try run(["lint", "--format", "sarif"])
        #expect(lint.status == 0, "\(lint.standardOutput)")
        #expect(lint.standardOutput.contains("\n  \"version\": \"2.1.0\",\n"))
        let graph = try run(["graph"])
        #expect(graph.status == 0)
        #expect(graph.standardOutput.contains("BillingQueue"))

        let route = try run(["route", "--message", "{}"])
        #expect(route.status == 0, "\(route.standardError)")
        #expect(route.standardOutput == "OrderEvents: 2 of 2 consumers receive the message\nreceives  billing\nreceives  shipping\n")

        // The package's own command runs; an asynchronous one is refused with a message (its
        // synchronous run() would only print the help).
        let consumers = try run(["consumers"])
        #expect(consumers.status == 0, "\(consumers.standardError)")
        #expect(consumers.standardOutput == "placeOrder billing shipping\n")
        let waiting = try run(["wait"])
        #expect(waiting.status == 70)
        #expect(waiting.standardError == "error: Wait is an AsyncParsableCommand; commands in additionalCommands run synchronously: make its run() synchronous\n")
    }
}
