import Fanout
import Foundation
import Testing

/// `fanout init` as a user runs it: the executable writes a project into a fresh folder, whose
/// handler tests pass (and fail when a handler is broken), whose templates pass cfn-lint,
/// PyYAML's structure check and moto, and whose Infra package builds and finds no drift.
@Suite struct ScaffoldProjectTests {
    /// A fresh folder (removed by the caller) with a project scaffolded by the built `fanout`.
    static func scaffold(consumers: Int = 3) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-project-\(UUID().uuidString)").path
        let result = try runFanout([
            "init", "shop", "--consumers", String(consumers), "--dir", folder, "--fanout-path", PackageRoot.url.path,
        ])
        #expect(result.status == 0, "fanout init:\n\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Created shop in \(folder):\n  .github/workflows/fanout.yml\n"))
        return folder
    }

    /// The project's own test command, as package.json's `npm test` runs it.
    static func npmTest(in folder: String) throws -> ProgramResult {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/package.json")))
        let script = try #require(((manifest as? [String: Any])?["scripts"] as? [String: Any])?["test"] as? String)
        #expect(script == "node --test test/handlers.test.js")
        return try runProgram("sh", ["-c", script], currentDirectory: folder)
    }

    // MARK: The command line (fast: one child process each)

    @Test func refusesToReplaceFilesWithoutForce() throws {
        let folder = try Self.scaffold(consumers: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "changed\n".write(toFile: folder + "/src/trigger.js", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/README.md")

        let again = try runFanout(["init", "shop", "--consumers", "1", "--dir", folder, "--fanout-path", PackageRoot.url.path])
        #expect(again.status == 1)
        #expect(again.standardError.hasPrefix("error: \(folder) already has files fanout init would write; nothing was written. Pass --force to replace them, or choose another folder with --dir:\n  .github/workflows/fanout.yml\n"))
        #expect(!again.standardError.contains("  README.md\n"))
        #expect(try String(contentsOfFile: folder + "/src/trigger.js", encoding: .utf8) == "changed\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/README.md"))

        let forced = try runFanout(["init", "shop", "--consumers", "1", "--dir", folder, "--fanout-path", PackageRoot.url.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try String(contentsOfFile: folder + "/src/trigger.js", encoding: .utf8).hasPrefix("// HTTP trigger"))
        #expect(FileManager.default.fileExists(atPath: folder + "/README.md"))
    }

    @Test func badUsageIsRefusedBeforeAnythingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-project-\(UUID().uuidString)").path
        let badName = try runFanout(["init", "my_shop", "--dir", folder, "--fanout-path", PackageRoot.url.path])
        #expect(badName.status == 64)
        #expect(badName.standardError.contains("the project name 'my_shop' is not a service name the Serverless Framework accepts"))
        #expect(badName.standardError.contains("try 'my-shop'"))
        let urlAlone = try runFanout(["init", "shop", "--dir", folder, "--fanout-url", "https://example.com/fanout.git"])
        #expect(urlAlone.status == 64)
        #expect(urlAlone.standardError.contains("--fanout-url goes with --fanout-version or --fanout-branch"))
        let twoRevisions = try runFanout([
            "init", "shop", "--dir", folder, "--fanout-url", "https://example.com/fanout.git",
            "--fanout-version", "1.0.0", "--fanout-branch", "main",
        ])
        #expect(twoRevisions.status == 64)
        #expect(twoRevisions.standardError.contains("--fanout-version and --fanout-branch are two ways to pick Fanout's revision"))
        let badVersion = try runFanout([
            "init", "shop", "--dir", folder, "--fanout-url", "https://example.com/fanout.git", "--fanout-version", "1.0",
        ])
        #expect(badVersion.status == 64)
        #expect(badVersion.standardError.contains("the Fanout version '1.0' is not a semantic version; pass --fanout-version as MAJOR.MINOR.PATCH"))
        let notFanout = try runFanout(["init", "shop", "--dir", folder, "--fanout-path", NSTemporaryDirectory()])
        #expect(notFanout.status == 64)
        #expect(notFanout.standardError.contains("holds no Fanout package (its Package.swift); pass the folder of a Fanout checkout"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    /// Run from a folder far from this repository, as an installed binary is: the templates
    /// come from the binary itself, the folder defaults to ./NAME, and Fanout to the checkout
    /// the binary was built from.
    @Test func worksAwayFromTheRepositoryWithItsDefaults() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-elsewhere-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let binary = elsewhere + "/fanout"
        try FileManager.default.copyItem(atPath: PackageRoot.productsDirectory.appendingPathComponent("fanout").path, toPath: binary)
        let result = try runProgram(binary, ["init", "shop"], currentDirectory: elsewhere)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Created shop in shop:\n"))
        let trigger = try String(contentsOfFile: elsewhere + "/shop/src/trigger.js", encoding: .utf8)
        #expect(trigger == (try String(contentsOfFile: PackageRoot.path("Templates/init/src/trigger.js"), encoding: .utf8)))
        let manifest = try String(contentsOfFile: elsewhere + "/shop/Infra/Package.swift", encoding: .utf8)
        #expect(manifest.contains("\nlet fanout: Package.Dependency = .package(name: \"Fanout\", path: \"\(PackageRoot.url.standardizedFileURL.path)\")\n"))
    }

    @Test func aURLDependencyIsWrittenAsGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fanout-project-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runFanout([
            "init", "shop", "--dir", folder, "--fanout-url", "https://github.com/acme/fanout.git", "--fanout-version", "1.2.0",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let manifest = try String(contentsOfFile: folder + "/Infra/Package.swift", encoding: .utf8)
        #expect(manifest.contains("\nlet fanout: Package.Dependency = .package(url: \"https://github.com/acme/fanout.git\", from: \"1.2.0\")\n"))
        #expect(manifest.contains(".product(name: \"FanoutCommandLine\", package: \"fanout\"),"))
    }

    // MARK: The project's own checks (slow: node, Python oracles, a Swift build)

    @Test(.slow, .tags(.oracle)) func theHandlersPassTheirTestsAndTheTestsCatchABrokenHandler() throws {
        let folder = try Self.scaffold(consumers: 3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.npmTest(in: folder)
        #expect(result.status == 0, "npm test:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("# pass 11"))
        #expect(result.standardOutput.contains("# fail 0"))

        // The twin: a consumer library that forgets failed records, and a trigger that accepts
        // any body, fail those tests.
        let batch = folder + "/src/lib/batch.js"
        try String(contentsOfFile: batch, encoding: .utf8)
            .replacingOccurrences(of: "batchItemFailures.push(", with: "void (")
            .write(toFile: batch, atomically: true, encoding: .utf8)
        let trigger = folder + "/src/trigger.js"
        try String(contentsOfFile: trigger, encoding: .utf8)
            .replacingOccurrences(of: "return { error: reply(400", with: "return { items: [], error2: reply(400")
            .write(toFile: trigger, atomically: true, encoding: .utf8)
        let broken = try Self.npmTest(in: folder)
        #expect(broken.status != 0)
        let failed = broken.standardOutput.split(separator: "\n").filter { $0.hasPrefix("not ok ") }
        #expect(failed == [
            "not ok 3 - the trigger answers 400 to a body that is not JSON, and publishes nothing",
            "not ok 4 - the trigger answers 400 to JSON without an items array",
            "not ok 8 - a consumer reports exactly the records whose processing threw",
            "not ok 9 - consumer1 reports only the records it cannot read",
            "not ok 10 - consumer2 reports only the records it cannot read",
            "not ok 11 - consumer3 reports only the records it cannot read",
        ])
        #expect(broken.standardOutput.contains("# pass 5"))
    }

    @Test(.slow, .tags(.oracle)) func theTemplatesPassCfnLintPyYAMLAndMoto() throws {
        let folder = try Self.scaffold(consumers: 3)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lint = try Oracles.cfnLint(folder + "/cloudformation.yaml")
        #expect(lint.status == 0, "cfn-lint:\n\(lint.standardOutput)\(lint.standardError)")
        #expect(lint.standardOutput.isEmpty)

        let structure = try Oracles.run("serverless_fanout_structure.py", [folder + "/serverless.yml", folder])
        #expect(structure.status == 0, "\(structure.standardOutput)\(structure.standardError)")
        #expect(structure.standardOutput == "structure: passed (0 failures)\n")

        let moto = try Oracles.moto(
            folder + "/cloudformation.yaml", stack: "shop-dev", region: "us-east-1", codeDirectory: folder,
            expectDeadLetterQueues: true)
        #expect(moto.status == 0, "moto:\n\(moto.standardOutput)\(moto.standardError)")
        #expect(moto.standardOutput.contains("received the message exactly once"))
        #expect(moto.standardOutput.hasSuffix(" 0 failed\n"))
    }

    /// Builds the generated Infra package against this checkout (minutes) and runs `check` as
    /// the project's README says.
    @Test(.slow, .tags(.oracle))
    func theInfraPackageBuildsAndFindsNoDrift() throws {
        let folder = try Self.scaffold(consumers: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let check = try runProgram("swift", ["run", "--package-path", "Infra", "Infra", "check"], currentDirectory: folder)
        #expect(check.status == 0, "Infra check:\n\(check.standardOutput)\(check.standardError)")

        // The twin: a committed file that differs from what Infra renders is drift.
        let path = folder + "/serverless.yml"
        try (String(contentsOfFile: path, encoding: .utf8) + "# edited by hand\n").write(toFile: path, atomically: true, encoding: .utf8)
        let drift = try runProgram("swift", ["run", "--package-path", "Infra", "Infra", "check"], currentDirectory: folder)
        #expect(drift.status == 1, "Infra check after an edit:\n\(drift.standardOutput)\(drift.standardError)")
        #expect(drift.standardOutput.contains("serverless.yml"), "\(drift.standardOutput)")
    }
}
