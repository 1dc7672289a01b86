import ArgumentParser
import Fanout

/// A command-line program for one service: emit, lint, check and graph it.
///
/// ```swift
/// import Fanout
/// import FanoutCommandLine
///
/// @main
/// struct Infra: FanoutCommand {
///     static var service: Service { Service("orders", runtime: .nodejs24x) { … } }
/// }
/// ```
///
/// `swift run Infra --help` lists the commands. Every requirement but ``service`` has a
/// default; set ``outputs`` to change which files `check` keeps in step.
public protocol FanoutCommand {
    /// Options that choose the service, added to every command that reads it (the `fanout`
    /// executable's `--example`); none by default.
    associatedtype ServiceOptions: ParsableArguments = NoServiceOptions

    /// The service the commands work on. May be computed; it is read once per run.
    static var service: Service { get }

    /// The service for these options. Default: ``service``.
    static func service(_ options: ServiceOptions) throws -> Service

    /// The files `check` compares and `check --update` writes, relative to the current folder
    /// or `--directory`. Default: `serverless.yml` and `cloudformation.yaml`.
    static var outputs: [FanoutOutput] { get }

    /// The name in usage lines. Default: the name the program was started by.
    static var commandName: String? { get }

    /// The one-line description at the top of `--help`.
    static var abstract: String { get }

    /// More text for `--help`, below the abstract.
    static var discussion: String { get }

    /// Commands of this program besides the library's (`emit`, `lint`, `check`, `graph`).
    static var additionalCommands: [any ParsableCommand.Type] { get }

    /// Whether running the program with no command prints the serverless.yml (as
    /// `emit serverless`) instead of the help. Default: `false`.
    static var emitsByDefault: Bool { get }
}

extension FanoutCommand {
    public static func service(_ options: ServiceOptions) throws -> Service { service }

    public static var outputs: [FanoutOutput] { [.serverless(), .cloudFormation()] }

    public static var commandName: String? { nil }

    public static var abstract: String { "Emit, check and lint the deployment files of a serverless fan-out." }

    public static var discussion: String { "" }

    public static var additionalCommands: [any ParsableCommand.Type] { [] }

    public static var emitsByDefault: Bool { false }

    /// Runs the command line (what `@main` calls): parses the arguments, runs the command,
    /// and exits with its status. Every message goes through ``StandardStreams``.
    ///
    /// `main` is synchronous on purpose: an asynchronous one starts libdispatch before
    /// ``StandardStreams/prepare()``, and its descriptors then take the places of closed
    /// standard streams. So an `AsyncParsableCommand` among ``additionalCommands`` (whose
    /// synchronous `run()` would only print the help) is refused with a message instead.
    public static func main() {
        StandardStreams.prepare()
        do {
            var command = try RootCommand<Self>.parseAsRoot()
            if command is any AsyncParsableCommand {
                writeError("error: \(type(of: command)) is an AsyncParsableCommand; commands in additionalCommands run synchronously: make its run() synchronous\n")
                throw ExitCode(70)
            }
            try command.run()
        } catch {
            StandardStreams.exit(reporting: error, for: RootCommand<Self>.self)
        }
    }
}
