import ArgumentParser
import Fanout

/// `emit serverless`: the Serverless Framework's serverless.yml.
struct EmitServerless<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serverless",
            abstract: "Emit the service as a Serverless Framework serverless.yml."
        )
    }

    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var validation: ValidationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let selected = try Command.service(service)
        let pipeline = Pipeline(date: validation.day)
        let emission = try validation.emitting { () throws(ValidationFailure) in
            try pipeline.emit(selected, as: .serverless)
        }
        try output.write(emission.text)
    }
}
