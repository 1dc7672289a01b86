import ArgumentParser

/// `fanout emit`: the deployment files of a service.
struct Emit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emit a service's deployment files.",
        subcommands: [EmitServerless.self, EmitCloudFormation.self],
        defaultSubcommand: EmitServerless.self
    )
}
