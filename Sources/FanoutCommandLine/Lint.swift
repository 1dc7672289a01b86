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
        let pipeline = Pipeline(options: try compile.options(for: selected), date: validation.day)
        let diagnostics = pipeline.lint(selected, for: target == .serverless ? .serverless : .cloudFormation(nil))
        let renderer = DiagnosticRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        try writeOutput(renderer.render(diagnostics, as: format))
        let failing: Set<Severity> = werror ? [.error, .warning] : [.error]
        if diagnostics.contains(where: { failing.contains($0.severity) }) {
            throw ExitCode.failure
        }
    }
}

extension DiagnosticRenderer.Format: ExpressibleByArgument {}
