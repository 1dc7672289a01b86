import ArgumentParser
import Fanout

/// The root of a ``FanoutCommand``'s command line: the library's commands, then the program's own.
struct RootCommand<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Command.commandName ?? programName,
            abstract: Command.abstract,
            discussion: Command.discussion,
            subcommands: [Emit<Command>.self, Lint<Command>.self, Check<Command>.self, Graph<Command>.self, Route<Command>.self]
                + Command.additionalCommands,
            defaultSubcommand: Command.emitsByDefault ? Emit<Command>.self : nil
        )
    }

    /// The last part of the path the program was started by (`.build/debug/Infra` → `Infra`).
    static var programName: String {
        let path = CommandLine.arguments.first ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? String(describing: Command.self) : name
    }
}
