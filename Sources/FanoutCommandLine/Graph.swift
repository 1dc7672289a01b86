import ArgumentParser
import Fanout

/// `graph`: the architecture as a diagram.
struct Graph<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "graph",
            abstract: "Draw the service: HTTP route → function → topic → queues (filters, dead-letter queues) → consumers.",
            discussion: "Mermaid renders in Markdown viewers that support it (a ```mermaid block); dot is Graphviz's."
        )
    }

    @Option(help: ArgumentHelp("mermaid or dot.", valueName: "format"))
    var format: DiagramFormat = .mermaid

    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.write(try Command.service(service).diagram(format))
    }
}

extension DiagramFormat: ExpressibleByArgument {}
