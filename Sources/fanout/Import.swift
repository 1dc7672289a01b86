import ArgumentParser
import Fanout
import FanoutCommandLine
import Foundation

/// `fanout import FILE`: an existing serverless.yml as Swift DSL source.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Print the Swift DSL source that describes an existing serverless.yml.",
        discussion: """
            Findings (FAN601-FAN616) go to standard error with their line and column. Content \
            Fanout cannot model is an error: nothing is written unless --allow-loss is given. \
            Exit status: 0 when written, 1 on invalid YAML or content that cannot be imported, \
            64 on bad command-line use.
            """
    )

    @Argument(help: ArgumentHelp("The serverless.yml to read (- for standard input).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The name of the Swift constant the source declares.", valueName: "name"))
    var name: String = "service"

    @Flag(help: "Write the Swift even when some content cannot be imported; what is left out is listed in the findings and at the top of the source.")
    var allowLoss = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard SwiftPrinter.isIdentifier(name) else {
            throw ValidationError("--name must be a Swift identifier that is not a keyword, such as `service` or `orders`")
        }
    }

    func run() throws {
        let text = try reportingFailure { try Self.read(file) }
        let result: ImportResult
        do {
            result = try ServerlessImport(yaml: text, file: file == "-" ? "<stdin>" : file, name: name).service()
        } catch {
            writeError("\(error)\n")
            throw ExitCode.failure
        }
        let renderer = DiagnosticRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        for finding in result.findings {
            writeError(renderer.line(finding) + "\n")
        }
        if result.hasErrors && !allowLoss {
            writeError("error: some content cannot be imported (listed above), so nothing was written; rerun with --allow-loss to write the Swift without it\n")
            throw ExitCode.failure
        }
        try output.write(result.swiftSource)
    }

    /// The text of `path` (`-`: standard input), which must be UTF-8.
    private static func read(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            // readToEnd throws (readDataToEndOfFile would trap) when standard input is a
            // folder or closed; nil is empty input.
            do {
                data = try FileHandle.standardInput.readToEnd() ?? Data()
            } catch {
                throw ReadError("error: cannot read standard input: \(error.localizedDescription); pipe a serverless.yml into it, or name the file")
            }
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError("error: cannot read \(path): no such file; name an existing serverless.yml, or - for standard input")
            }
            guard !isDirectory.boolValue, let contents = FileManager.default.contents(atPath: path) else {
                throw ReadError("error: cannot read \(path): \(isDirectory.boolValue ? "it is a folder" : "permission denied or not a regular file")")
            }
            data = contents
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ReadError("error: cannot read \(path == "-" ? "standard input" : path): it is not UTF-8 text")
        }
        return text
    }

    /// A file that could not be read, described as the message to print.
    private struct ReadError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
