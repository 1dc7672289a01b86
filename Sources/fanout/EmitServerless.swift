import ArgumentParser
import Fanout

/// `fanout emit serverless`: the Serverless Framework's serverless.yml.
struct EmitServerless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serverless",
        abstract: "Emit the service as a Serverless Framework serverless.yml."
    )

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let yaml = try reportingFailure { try service.selected.serverlessYAML() }
        try output.write(yaml)
    }
}
