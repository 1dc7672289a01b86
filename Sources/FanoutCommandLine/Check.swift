import ArgumentParser
import Fanout
import Foundation
import OrderedCollections
import YAML

/// `check`: whether the committed deployment files are what the service generates, for CI.
struct Check<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: "Compare the committed deployment files with what the service generates (for CI).",
            discussion: """
                Regenerates every declared output and compares it with the file on disk: a \
                unified diff per file that differs, and what changes for each resource (added, \
                removed, modified in place, replaced), with a 'warning: data loss:' line for \
                every queue or topic that would be deleted. A missing file differs. Exit status: \
                0 when every file is up to date (or was rewritten by --update), 1 when a file \
                differs or the service has errors, 64 on bad command-line use. Runtime lifecycle \
                findings are only warnings here.
                """
        )
    }

    @Flag(help: "Rewrite the files that differ (atomically); files that are up to date are left untouched.")
    var update = false

    @Option(help: ArgumentHelp("The folder the output paths are relative to (default: the current folder).", valueName: "dir"))
    var directory: String?

    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var validation: ValidationOptions

    /// What the file on disk holds.
    private enum OnDisk {
        case missing
        case bytes(Data)
    }

    func run() throws {
        let selected = try Command.service(service)
        let program = Command.commandName ?? RootCommand<Command>.programName
        let outputs = Command.outputs
        guard !outputs.isEmpty else {
            writeError("error: \(program) declares no outputs; list them in its `static var outputs`\n")
            throw ExitCode.failure
        }
        let paths = outputs.map { resolve($0.path) }
        if let repeated = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            writeError("error: two outputs of \(program) are written to \(repeated); give each its own path\n")
            throw ExitCode.failure
        }
        if let output = outputs.first(where: { $0.region.map { !CompileOptions.isRegionShaped($0) } ?? false }) {
            writeError("error: the output \(output.path) names the region '\(output.region ?? "")'; a region is written like eu-central-1\n")
            throw ExitCode.failure
        }
        let renderer = DiagnosticRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        var printed: Set<String> = []
        func report(_ diagnostics: [Diagnostic]) {
            // Each output finds the same warnings: print each once.
            for diagnostic in diagnostics where diagnostic.severity != .note {
                let line = renderer.line(diagnostic)
                if printed.insert(line).inserted { writeError(line + "\n") }
            }
        }

        var failed = false
        var drifted: [(name: String, path: String, text: String)] = []
        var fileCount = 0
        // Each output's options, up to the first whose inline code cannot be read: that error
        // is reported in its turn, after the outputs before it.
        var compiled: [CloudFormationOptions] = []
        var unreadable: (index: Int, error: any Error)?
        for (index, output) in outputs.enumerated() {
            var options = CloudFormationOptions(stage: output.stage, region: output.region)
            if let inlineCode = output.inlineCode {
                do {
                    options.code = .inline(try InlineCode.sources(for: selected, in: resolve(inlineCode)))
                } catch {
                    unreadable = (index, error)
                    break
                }
            }
            compiled.append(options)
        }
        // The single-file outputs compiled alike go through the pipeline together: one
        // validation for all of them, and they render side by side.
        var emissions: [Int: Result<Emission, ValidationFailure>] = [:]
        var groups: OrderedDictionary<CloudFormationOptions, [Int]> = [:]
        for index in compiled.indices where outputs[index].split == nil { groups[compiled[index], default: []].append(index) }
        for (options, indices) in groups {
            let results = Pipeline(options: options, date: validation.day).emit(selected, as: indices.map { outputs[$0].format })
            for (index, result) in zip(indices, results) { emissions[index] = result }
        }
        for (index, output) in outputs.enumerated() {
            if let unreadable, unreadable.index == index { try reportingFailure { throw unreadable.error } }
            let path = resolve(output.path)
            let pipeline = Pipeline(options: compiled[index], date: validation.day)
            // Each file generated for the output: one, or a split's root and nested templates
            // (the nested first, so that --update replaces the root last, as emit does).
            let files: [(name: String, path: String, text: String)]
            do {
                if let split = output.split {
                    let emission = try pipeline.emitSplit(selected, options: split)
                    report(emission.diagnostics)
                    files = (emission.files.dropFirst() + emission.files.prefix(1)).map { file in
                        (output.path + "/" + file.path, path + "/" + file.path, file.text)
                    }
                } else {
                    // Every single-file output was emitted with its group; alone, should one not be.
                    let emission = if let result = emissions[index] { try result.get() } else { try pipeline.emit(selected, as: output.format) }
                    report(emission.diagnostics)
                    files = [(output.path, path, emission.text)]
                }
            } catch {
                report(error.diagnostics)
                writeError("error: cannot generate \(output.path); fix the errors above (the lint command explains each)\n")
                failed = true
                continue
            }
            fileCount += files.count
            for (name, path, generated) in files {
                switch try read(path, reportingAs: name) {
                case .bytes(let data) where data == Data(generated.utf8):
                    continue
                case .bytes(let data):
                    let existing = String(decoding: data, as: UTF8.self)
                    try writeOutput(UnifiedDiff(oldName: name, newName: "\(name) (generated)").render(existing, generated))
                    try writeOutput(summary(of: output, named: name, from: existing, to: generated))
                case .missing:
                    try writeOutput("\(name): missing\n")
                }
                drifted.append((name, path, generated))
            }
        }

        if failed {
            if update && !drifted.isEmpty { writeError("error: nothing was written\n") }
            throw ExitCode.failure
        }
        guard !drifted.isEmpty else {
            try writeOutput("check: \(outputs.map(\.path).joined(separator: ", ")) up to date\n")
            return
        }
        if update {
            // An output in a folder of its own (deploy/prod.json) may be missing with its folder.
            for drift in drifted {
                let folder = (drift.path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try reportingFailure { try AtomicFile.makeFolders(folder) } }
            }
            // Every file is prepared before any is replaced, so a failure changes none.
            let files = try drifted.map { file in try reportingFailure { try AtomicFile(preparing: file.text, for: file.path) } }
            for (file, drift) in zip(files, drifted) {
                try reportingFailure { try file.commit() }
                try writeOutput("updated \(drift.name)\n")
            }
            return
        }
        try writeOutput("""
            check: \(drifted.count) of \(fileCount) file\(fileCount == 1 ? "" : "s") differ\(drifted.count == 1 ? "s" : "") \
            from what \(program) generates; run `\(program) check --update` to rewrite them, then review and commit

            """)
        throw ExitCode.failure
    }

    /// `path` under `--directory`, unless it is absolute.
    private func resolve(_ path: String) -> String {
        guard let directory, !path.hasPrefix("/") else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The file's bytes, or `.missing` when nothing is there (a dangling link included).
    private func read(_ path: String, reportingAs name: String) throws -> OnDisk {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        guard !isDirectory.boolValue else {
            writeError("error: \(name) is a folder; an output must be a file (see the outputs of this program)\n")
            throw ExitCode.failure
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            writeError("error: cannot read \(name); check its permissions\n")
            throw ExitCode.failure
        }
        return .bytes(data)
    }

    /// What changes for each resource, and the data-loss warnings; for serverless.yml, of the
    /// resources it declares (its `resources:` section; the functions show in the diff).
    private func summary(of output: FanoutOutput, named name: String, from existing: String, to generated: String) -> String {
        let label = output.format == .serverless ? "\(name) (resources: section)" : name
        guard let new = (try? Parser.parse(generated)).flatMap({ ResourceChanges.resources(of: $0, format: output.format) })
        else { return "" }
        var old = Node.Mapping()
        do {
            let document = try Parser.parse(existing, path: name)
            if let resources = ResourceChanges.resources(of: document, format: output.format) { old = resources }
        } catch {
            return "\(label): resources not compared: the file on disk does not parse (\(error))\n"
        }
        let changes = ResourceChanges(old: old, new: new)
        guard !changes.changes.isEmpty else { return "\(label): no resource changes\n" }
        var text = "\(label): \(changes.counts)\n"
        for change in changes.changes {
            let kind = change.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            let causes = change.causes.isEmpty ? "" : ": \(change.causes.joined(separator: ", "))"
            text += "  \(kind) \(change.logicalID) (\(change.type))\(causes)\n"
        }
        for change in changes.changes {
            if let loss = change.dataLoss { text += "warning: data loss: \(loss)\n" }
        }
        return text
    }
}
