import ArgumentParser
import Fanout

/// `fanout emit serverless`: the Serverless Framework's serverless.yml.
struct EmitServerless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serverless",
        abstract: "Emit the service as a Serverless Framework serverless.yml."
    )

    @OptionGroup var service: ServiceOptions
    @OptionGroup var validation: ValidationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let selected = try service.selected
        try validation.preflight(selected, for: .serverless)
        let yaml = try reportingFailure { try selected.serverlessYAML() }
        try output.write(yaml)
    }
}
