import ArgumentParser
import Fanout

/// `emit cloudformation`: a raw CloudFormation template.
struct EmitCloudFormation<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cloudformation",
            abstract: "Emit the service as a raw CloudFormation template (deploys without the Serverless Framework).",
            discussion: """
                By default the functions' code comes from the template parameters ArtifactBucket \
                and ArtifactKey (a zip of the handlers in S3). With --inline-code DIR each \
                function's handler file is read from DIR (handler src/trigger.handler → \
                DIR/src/trigger.js) and inlined as Code.ZipFile, for small Node.js or Python handlers.
                """
        )
    }

    @Option(help: ArgumentHelp("yaml (short-form tags) or json.", valueName: "format"))
    var format: TemplateFormat = .yaml

    @OptionGroup var compile: CompileOptions
    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var validation: ValidationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let selected = try Command.service(service)
        let pipeline = Pipeline(options: try compile.options(for: selected), date: validation.day)
        let emission = try validation.emitting { () throws(ValidationFailure) in
            try pipeline.emit(selected, as: .cloudFormation(format))
        }
        try output.write(emission.text)
    }
}

extension TemplateFormat: ExpressibleByArgument {}
