import ArgumentParser

/// `fanout`: describe a serverless fan-out in Swift, emit its deployment files.
@main
struct FanoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Describe a serverless fan-out in Swift and emit its deployment files.",
        discussion: """
            With no arguments, prints the built-in example's serverless.yml \
            (the same as `fanout emit serverless`).
            """,
        subcommands: [Emit.self, Lint.self, Init.self, Import.self],
        defaultSubcommand: Emit.self
    )

    /// ArgumentParser's `main()`, with the standard streams prepared first and every message
    /// written through `StandardStreams` (see there: SIGPIPE is ignored and a closed pipe ends
    /// the command quietly, by SIGPIPE, as other Unix tools end).
    static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            StandardStreams.exit(reporting: error, for: self)
        }
    }
}
