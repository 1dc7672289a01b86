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
        let pipeline = Pipeline(date: validation.day)
        let emission = try validation.emitting { () throws(ValidationFailure) in
            try pipeline.emit(selected, as: .serverless)
        }
        try output.write(emission.text)
    }
}
