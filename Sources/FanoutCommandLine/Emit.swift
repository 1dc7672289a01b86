import ArgumentParser

/// `emit`: the deployment files of a service.
struct Emit<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "emit",
            abstract: "Emit a service's deployment files.",
            subcommands: [EmitServerless<Command>.self, EmitCloudFormation<Command>.self],
            defaultSubcommand: EmitServerless<Command>.self
        )
    }
}
