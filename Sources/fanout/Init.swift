import ArgumentParser
import Fanout
import FanoutCommandLine
import Foundation

/// `fanout init NAME`: writes a new project (see `Scaffold`).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new fan-out project: an Infra/ Swift package, its rendered templates, handlers, tests and CI.",
        discussion: """
            Writes, in DIR (default: ./NAME): Infra/ (a Swift package describing the service \
            with FanOut, whose `swift run --package-path Infra Infra check` passes at once), \
            serverless.yml and cloudformation.yaml rendered from it, src/ (the HTTP trigger and \
            one handler per consumer), test/ (npm test), package.json, README.md, .gitignore \
            and .github/workflows/fanout.yml. Existing files are left alone unless --force is given.

            Infra/Package.swift depends on Fanout by --fanout-path, or by --fanout-url with \
            --fanout-version; without them, on the Fanout checkout this fanout was built \
            from, if it is still there.
            """
    )

    @Argument(help: ArgumentHelp("The service name: a letter, then letters, digits and hyphens.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("How many consumers the topic fans out to (1 to 40).", valueName: "count"))
    var consumers: Int = 2

    @Option(help: ArgumentHelp("The Lambda runtime, a Node.js one AWS has not deprecated (nodejs22.x or later).", valueName: "runtime"))
    var runtime: String = Runtime.nodejs24x.rawValue

    @Option(help: ArgumentHelp("The project folder (default: ./NAME); created if missing.", valueName: "dir"))
    var dir: String?

    @Flag(help: "Replace files that exist already.")
    var force = false

    @Option(name: .customLong("fanout-path"), help: ArgumentHelp(
        "A Fanout checkout for Infra/Package.swift to depend on.", valueName: "path"))
    var fanoutPath: String?

    @Option(name: .customLong("fanout-url"), help: ArgumentHelp(
        "A Fanout repository URL for Infra/Package.swift to depend on (with --fanout-version).", valueName: "url"))
    var fanoutURL: String?

    @Option(name: .customLong("fanout-version"), help: ArgumentHelp(
        "The Fanout version to depend on from --fanout-url, MAJOR.MINOR.PATCH.", valueName: "version"))
    var fanoutVersion: String?

    @Option(name: .customLong("fanout-branch"), help: ArgumentHelp(
        "Instead of --fanout-version: the branch of --fanout-url to follow (for a repository without version tags).",
        valueName: "branch"))
    var fanoutBranch: String?

    func validate() throws {
        if fanoutPath != nil && fanoutURL != nil {
            throw ValidationError("--fanout-path and --fanout-url name two sources of Fanout; pass one of them")
        }
        if fanoutVersion != nil && fanoutBranch != nil {
            throw ValidationError("--fanout-version and --fanout-branch are two ways to pick Fanout's revision; pass one of them")
        }
        if (fanoutURL != nil) != (fanoutVersion != nil || fanoutBranch != nil) {
            throw ValidationError("--fanout-url goes with --fanout-version or --fanout-branch; pass both, or --fanout-path instead")
        }
        // Everything but the checkout's existence, which run() looks at: bad usage exits 64.
        let source = hostedSource ?? .path(fanoutPath ?? "/")
        let problems = options(fanout: source).problems
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() throws {
        let options = options(fanout: try fanoutSource())
        let directory = dir ?? name
        let written = try reportingFailure { () throws(ScaffoldError) in
            try ScaffoldWriter.write(try Scaffold.files(for: options), into: directory, force: force)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let list = written.map { "  " + ($0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0) }
        try writeOutput("""
            Created \(options.name) in \(directory):
            \(list.joined(separator: "\n"))

            Next, in \(directory):
              npm test                                      # the handlers' tests
              swift run --package-path Infra Infra check    # the templates are what Infra/ renders

            """)
    }

    private func options(fanout: FanoutSource) -> ScaffoldOptions {
        ScaffoldOptions(name: name, consumers: consumers, runtime: Runtime(rawValue: runtime), fanout: fanout)
    }

    /// `--fanout-url` with its version or branch.
    private var hostedSource: FanoutSource? {
        guard let fanoutURL else { return nil }
        if let fanoutBranch { return .branch(fanoutURL, branch: fanoutBranch) }
        return .url(fanoutURL, version: fanoutVersion ?? "")
    }

    /// Where Infra/Package.swift gets Fanout from. A path is made absolute (SwiftPM would read
    /// a relative one from the Infra folder, not from where the command ran).
    private func fanoutSource() throws -> FanoutSource {
        if let hostedSource { return hostedSource }
        if let fanoutPath {
            let absolute = URL(fileURLWithPath: fanoutPath).standardizedFileURL.path
            guard Self.isFanoutCheckout(absolute) else {
                throw ValidationError("--fanout-path \(fanoutPath): \(absolute) holds no Fanout package (its Package.swift); pass the folder of a Fanout checkout")
            }
            return .path(absolute)
        }
        guard Self.isFanoutCheckout(Self.buildCheckout) else {
            throw ValidationError("""
                fanout init needs to know where the project's Infra package gets Fanout from, and the \
                checkout this fanout was built from (\(Self.buildCheckout)) is gone: pass \
                --fanout-path PATH (a Fanout checkout) or --fanout-url URL with --fanout-version VERSION or --fanout-branch BRANCH
                """)
        }
        return .path(Self.buildCheckout)
    }

    /// The checkout this executable was compiled from (this file is Sources/fanout/Init.swift).
    static let buildCheckout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Whether `path` holds Fanout's own Package.swift.
    static func isFanoutCheckout(_ path: String) -> Bool {
        guard let manifest = FileManager.default.contents(atPath: path + "/Package.swift") else { return false }
        return String(decoding: manifest, as: UTF8.self).contains("name: \"Fanout\"")
    }
}
