import ArgumentParser
import Fanout
import Foundation

/// `lint`: the service's diagnostics.
struct Lint<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lint",
            abstract: "Check the service for mistakes before anything is deployed.",
            discussion: """
                Exit status: 0 when there is no error (with --werror, no warning either), 1 when \
                there are errors, 64 on bad command-line use.
                """
        )
    }

    @Option(help: ArgumentHelp("text, json (one object per diagnostic) or sarif (SARIF 2.1.0).", valueName: "format"))
    var format: DiagnosticRenderer.Format = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var werror = false

    @Option(help: ArgumentHelp(
        "What you deploy: cloudformation (every check) or serverless (skips the checks only raw CloudFormation needs).",
        valueName: "target"))
    var target: LintTarget = .cloudformation

    @OptionGroup var compile: CompileOptions
    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var validation: ValidationOptions

    func run() throws {
        let selected = try Command.service(service)
        let (options, inlineFindings) = compile.optionsAndFindings(for: selected)
        let pipeline = Pipeline(options: options, date: validation.day)
        // A handler that could not be read is reported once, by what stopped the reading, not
        // again by the translator as "no inline source" at the same function.
        let unread = Set(inlineFindings.compactMap(\.location))
        let compiled = pipeline.lint(selected, for: target == .serverless ? .serverless : .cloudFormation(nil))
            .filter { !($0.code == inlineFindings.first?.code && $0.location.map(unread.contains) == true) }
        let diagnostics = Validator.ordered(inlineFindings + compiled)
        let renderer = DiagnosticRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        try writeOutput(renderer.render(diagnostics, as: format))
        let failing: Set<Severity> = werror ? [.error, .warning] : [.error]
        if diagnostics.contains(where: { failing.contains($0.severity) }) {
            throw ExitCode.failure
        }
    }
}

extension DiagnosticRenderer.Format: ExpressibleByArgument {}
