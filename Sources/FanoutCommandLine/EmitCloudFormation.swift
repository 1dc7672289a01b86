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
                DIR/src/trigger.js) and inlined as Code.ZipFile, for small Node.js or Python handlers. \
                With --split DIR the template is written as DIR/root.yaml plus nested stacks in \
                DIR/stacks/ (past CloudFormation's 500 resources or 1,000,000 bytes); deploy it with \
                aws cloudformation package, then deploy.
                """
        )
    }

    @Option(help: ArgumentHelp("yaml (short-form tags) or json.", valueName: "format"))
    var format: TemplateFormat = .yaml

    @Option(help: ArgumentHelp(
        "Write a root template and nested stacks (one per group of consumers) into this folder instead of one template.",
        valueName: "dir"))
    var split: String?

    @Option(help: ArgumentHelp(
        "With --split: how many nested stacks consumers are hashed into. Choose it once; changing it moves consumers.",
        valueName: "count"))
    var stacks: Int = SplitOptions.defaultStackCount

    @OptionGroup var compile: CompileOptions
    @OptionGroup var service: Command.ServiceOptions
    @OptionGroup var validation: ValidationOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if split != nil, output.output != nil {
            throw ValidationError("--split writes its templates into its folder; leave out -o/--output")
        }
    }

    func run() throws {
        let selected = try Command.service(service)
        let pipeline = Pipeline(options: try compile.options(for: selected), date: validation.day)
        if let split {
            var emission: SplitEmission?
            _ = try validation.emitting { () throws(ValidationFailure) in
                let written = try pipeline.emitSplit(selected, options: SplitOptions(stackCount: stacks, format: format))
                emission = written
                return Emission(text: "", diagnostics: written.diagnostics)
            }
            try reportingFailure { try emission?.write(to: split) }
            return
        }
        let emission = try validation.emitting { () throws(ValidationFailure) in
            try pipeline.emit(selected, as: .cloudFormation(format))
        }
        try output.write(emission.text)
    }
}

extension TemplateFormat: ExpressibleByArgument {}
