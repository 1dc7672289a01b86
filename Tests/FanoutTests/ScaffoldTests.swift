import Fanout
import Foundation
import Testing

/// `fanout init`'s project (Scaffold, ScaffoldService, ScaffoldWriter): the files, the
/// service they describe, the options it refuses, and how it writes.
@Suite struct ScaffoldTests {
    static let day = Day(year: 2026, month: 11, day: 26)
    static func options(_ name: String = "orders", consumers: Int = 2, runtime: Runtime = .nodejs24x,
                        fanout: FanoutSource = .path("/opt/fanout")) -> ScaffoldOptions {
        ScaffoldOptions(name: name, consumers: consumers, runtime: runtime, fanout: fanout)
    }

    @Test func theProjectHasItsFilesInPathOrder() throws {
        let paths = try Scaffold.files(for: Self.options(consumers: 3)).map(\.path)
        #expect(paths == [
            ".github/workflows/fanout.yml", ".gitignore", "Infra/Package.swift", "Infra/Sources/Infra/Infra.swift",
            "Infra/Sources/Infra/Service.swift", "README.md", "cloudformation.yaml", "package.json", "serverless.yml",
            "src/consumer1.js", "src/consumer2.js", "src/consumer3.js", "src/lib/batch.js", "src/trigger.js",
            "test/handlers.test.js",
        ])
    }

    @Test func everyPlaceholderIsFilled() throws {
        for file in try Scaffold.files(for: Self.options(consumers: 2)) {
            #expect(!file.contents.contains("{{"), "\(file.path) still has a placeholder")
        }
        let files = try Scaffold.files(for: Self.options("Big-Shop", consumers: 2))
        let contents = { (path: String) in files.first { $0.path == path }?.contents ?? "" }
        #expect(contents("package.json").contains(#""name": "big-shop","#))
        #expect(contents("test/handlers.test.js").contains("const consumers = ['consumer1', 'consumer2'];"))
        #expect(contents("src/consumer2.js").contains("exports.handler = consume('consumer2', "))
        #expect(contents("README.md").hasPrefix("# Big-Shop\n"))
        #expect(contents("README.md").contains("the topic fans out to 2 SQS queues,\n"))
        let single = try Scaffold.files(for: Self.options(consumers: 1))
        #expect(single.first { $0.path == "package.json" }?.contents.contains("fans out through SNS to 1 SQS queue (") == true)
    }

    /// The templates compiled into the binary are the files under Templates/init (see
    /// Scripts/generate-templates.py; the slow twin below checks the generated file byte for byte).
    @Test func theEmbeddedTemplatesAreTemplatesInit() throws {
        let root = PackageRoot.url.appendingPathComponent("Templates/init")
        var onDisk: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: ScaffoldTemplates.files.map { ($0.path, $0.text) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted(), "run: python3 Scripts/generate-templates.py")
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("Templates/init/\(path) differs from the embedded copy; run: python3 Scripts/generate-templates.py")
        }
    }

    @Test(.slow) func theGeneratedTemplatesFileIsWhatTheScriptWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ScaffoldTemplates-\(UUID().uuidString).swift").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runProgram("python3", [PackageRoot.path("Scripts/generate-templates.py"), "-o", path])
        #expect(result.status == 0, "generator:\n\(result.standardError)")
        let generated = try Data(contentsOf: URL(fileURLWithPath: path))
        let committed = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.path("Sources/Fanout/Scaffold/ScaffoldTemplates.generated.swift")))
        #expect(generated == committed, "run: python3 Scripts/generate-templates.py")
    }

    @Test(arguments: [1, 2, 3])
    func theServiceHasNoFindingsAtAll(consumers: Int) {
        let service = ScaffoldService(Self.options(consumers: consumers)).service
        #expect(Validator().validate(service, on: Self.day).decided == [])
        #expect(Validator().validate(service, on: Self.day, target: .serverless).decided == [])
    }

    /// At the most consumers init allows, the template needs uploading through S3 (the
    /// project's README deploys with --s3-bucket), and nothing else is wrong.
    @Test func theLargestServiceIsOnlyTooLargeForADirectUpload() {
        let service = ScaffoldService(Self.options(consumers: ScaffoldOptions.consumerRange.upperBound)).service
        let findings = Validator().validate(service, on: Self.day).decided
        #expect(findings.map(\.code) == ["FAN404"])
        #expect(findings.map(\.severity) == [.warning])
    }

    /// The rendered files are the pipeline's output for the service; the Swift source names
    /// the same functions and handlers (ScaffoldProjectTests builds it and runs `check`).
    @Test func theRenderedFilesAndTheSwiftSourceDescribeTheSameService() throws {
        let options = Self.options(consumers: 3)
        let description = ScaffoldService(options)
        let files = try Scaffold.files(for: options)
        let contents = { (path: String) in files.first { $0.path == path }?.contents }
        #expect(contents("serverless.yml") == (try description.service.serverlessYAML()))
        #expect(contents("cloudformation.yaml") == (try description.service.cloudFormation(.yaml)))

        let service = description.service
        #expect(service.functions.map(\.key) == ["trigger", "consumer1", "consumer2", "consumer3"])
        let source = try #require(contents("Infra/Sources/Infra/Service.swift"))
        #expect(source.contains(#"Service("orders", runtime: .nodejs24x, roles: .perFunction) {"#))
        #expect(source.contains(#"Function("trigger", handler: "src/trigger.handler") {"#))
        for function in service.functions {
            // Every handler has its file, and every consumer its line in the Swift source.
            let module = function.handler.split(separator: ".").first.map(String.init) ?? ""
            #expect(contents("\(module).js") != nil, "no file for \(function.handler)")
            if function.key != "trigger" {
                #expect(source.contains(#"Consumer("\#(function.key)", handler: "\#(function.handler)", batchSize: 10)"#))
            }
        }
    }

    @Test func aRuntimeFanoutDoesNotNameIsWrittenAsAString() throws {
        let source = ScaffoldService(Self.options(runtime: "nodejs26.x")).swiftSource
        #expect(source.contains(#"Service("orders", runtime: "nodejs26.x", roles: .perFunction) {"#))
        #expect(ScaffoldService(Self.options(runtime: .nodejs20x)).swiftSource.contains("runtime: .nodejs20x,"))
    }

    @Test func invalidOptionsAreRefusedSayingWhatToDo() {
        #expect(Self.options().problems == [])
        #expect(Self.options("my_app").problems == [
            "the project name 'my_app' is not a service name the Serverless Framework accepts: it must start with a letter and have at least two characters, only letters, digits and hyphens (^[a-zA-Z][0-9a-zA-Z-]+$); try 'my-app'",
        ])
        #expect(Self.options("1shop").problems.count == 1)
        #expect(Self.options("x").problems.count == 1)
        #expect(Self.options(consumers: 0).problems == [
            "--consumers 0 is out of range; choose 1 to 40 (add more to Infra/Sources/Infra/Service.swift later if you need them)",
        ])
        #expect(Self.options(consumers: 41).problems.count == 1)
        #expect(Self.options(consumers: 40).problems == [])
        #expect(Self.options(runtime: .python312).problems == [
            "the runtime 'python3.12' cannot run the handlers fanout init writes (JavaScript using the AWS SDK v3, included from nodejs18.x on); choose one such as nodejs24.x",
        ])
        #expect(Self.options(runtime: "nodejs16.x").problems.count == 2)
        #expect(Self.options(runtime: .nodejs18x).problems == [
            "the runtime 'nodejs18.x' was deprecated on 2025-09-01 (AWS blocks creating functions on it from 2027-02-01); start on nodejs24.x",
        ])
        #expect(Self.options(runtime: .nodejs20x).problems.count == 1)
        #expect(Self.options(runtime: .nodejs22x).problems == [])
        #expect(Self.options(fanout: .url("https://example.com/fanout.git", version: "1.0")).problems == [
            "the Fanout version '1.0' is not a semantic version; pass --fanout-version as MAJOR.MINOR.PATCH, for example 1.0.0",
        ])
        #expect(Self.options(fanout: .url("https://example.com/fanout.git", version: "1.2.3-beta.1")).problems == [])
        #expect(Self.options(fanout: .path("")).problems.count == 1)
        #expect(throws: ScaffoldError.invalidOptions(Self.options("my_app", consumers: 0).problems)) {
            try Scaffold.files(for: Self.options("my_app", consumers: 0))
        }
    }

    @Test func aNameTooLongForTheNamesAWSDerivesIsRefused() throws {
        let name = "a" + String(repeating: "b", count: 55)
        #expect(Self.options(name).problems == [])
        do {
            _ = try Scaffold.files(for: Self.options(name))
            Issue.record("a 56-character name was accepted")
        } catch {
            guard case .invalidService(let diagnostics) = error else { throw error }
            #expect(diagnostics.contains("FAN401"), "\(diagnostics)")
            #expect(!diagnostics.contains("Scaffold"), "points into Fanout's source: \(diagnostics)")
            #expect(error.description.hasPrefix("error: the service this project would describe fails validation; a shorter project name usually helps:\n  FAN"))
        }
    }

    @Test func theDependencyLineNamesTheSourceGiven() {
        #expect(FanoutSource.path("/src/fan out").dependency == #".package(name: "Fanout", path: "/src/fan out")"#)
        #expect(FanoutSource.path(#"/a\"b"#).dependency == #".package(name: "Fanout", path: "/a\\\"b")"#)
        #expect(FanoutSource.path("/x").packageName == "Fanout")
        let hosted = FanoutSource.url("https://github.com/acme/fanout-lib.git", version: "2.1.0")
        #expect(hosted.dependency == #".package(url: "https://github.com/acme/fanout-lib.git", from: "2.1.0")"#)
        #expect(hosted.packageName == "fanout-lib")
        #expect(FanoutSource.url("https://github.com/acme/fanout/", version: "1.0.0").packageName == "fanout")
        let followed = FanoutSource.branch("https://github.com/acme/fanout.git", branch: "main")
        #expect(followed.dependency == #".package(url: "https://github.com/acme/fanout.git", branch: "main")"#)
        #expect(followed.packageName == "fanout")
        #expect(followed.problem == nil)
        #expect(FanoutSource.branch("https://github.com/acme/fanout.git", branch: "").problem
            == "the Fanout branch is empty; pass --fanout-branch with a branch of the Fanout repository, for example main")
    }

    // MARK: Writing

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fanout-init-\(UUID().uuidString)").path
    }

    @Test func writesEveryFileCreatingFolders() throws {
        let top = Self.temporaryFolder()
        let folder = top + "/nested/project"
        defer { try? FileManager.default.removeItem(atPath: top) }
        let files = try Scaffold.files(for: Self.options())
        let written = try ScaffoldWriter.write(files, into: folder)
        #expect(written == files.map { "\(folder)/\($0.path)" })
        for file in files {
            #expect(try String(contentsOfFile: "\(folder)/\(file.path)", encoding: .utf8) == file.contents)
        }
    }

    @Test func refusesToReplaceExistingFilesAndWritesNothing() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/src", withIntermediateDirectories: true)
        try "mine\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        try "// mine\n".write(toFile: folder + "/src/trigger.js", atomically: true, encoding: .utf8)
        let files = try Scaffold.files(for: Self.options())

        #expect(throws: ScaffoldError.filesExist(directory: folder, paths: ["README.md", "src/trigger.js"])) {
            try ScaffoldWriter.write(files, into: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["README.md", "src"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/src") == ["trigger.js"])
        #expect(try String(contentsOfFile: folder + "/README.md", encoding: .utf8) == "mine\n")
        let message = ScaffoldError.filesExist(directory: folder, paths: ["README.md", "src/trigger.js"]).description
        #expect(message == "error: \(folder) already has files fanout init would write; nothing was written. Pass --force to replace them, or choose another folder with --dir:\n  README.md\n  src/trigger.js")

        try ScaffoldWriter.write(files, into: folder, force: true)
        #expect(try String(contentsOfFile: folder + "/README.md", encoding: .utf8).hasPrefix("# orders\n"))
        #expect(try String(contentsOfFile: folder + "/src/trigger.js", encoding: .utf8) == files.first { $0.path == "src/trigger.js" }?.contents)
    }

    @Test func aFileInTheWayOfAFolderFailsAndLeavesNothingBehind() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "not a folder\n".write(toFile: folder + "/src", atomically: true, encoding: .utf8)
        #expect(throws: ScaffoldError.cannotWrite("\(folder)/src is a file, not a folder; move it away or choose another folder with --dir")) {
            try ScaffoldWriter.write(try Scaffold.files(for: Self.options()), into: folder, force: true)
        }
        // The folders created before the failure (.github, Infra, …) are removed again.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["src"])
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        // /sys refuses new folders even to root (EPERM); elsewhere it is missing or read-only.
        let folder = "/sys/fanout-init-\(UUID().uuidString)/project"
        do {
            try ScaffoldWriter.write(try Scaffold.files(for: Self.options()), into: folder)
            Issue.record("wrote into \(folder)")
        } catch {
            guard case .cannotWrite(let reason) = error else { throw error }
            #expect(reason.hasPrefix("cannot create the folder /sys/fanout-init-"), "\(reason)")
            #expect(reason.hasSuffix("; choose a folder you can write to with --dir; nothing was written"))
        }
    }
}
