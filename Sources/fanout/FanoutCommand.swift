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
        subcommands: [Emit.self, Lint.self],
        defaultSubcommand: Emit.self
    )
}
