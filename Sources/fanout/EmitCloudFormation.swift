import ArgumentParser
import Fanout

/// `fanout emit cloudformation`: a raw CloudFormation template.
struct EmitCloudFormation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudformation",
        abstract: "Emit the service as a raw CloudFormation template (deploys without the Serverless Framework).",
        discussion: """
            By default the functions' code comes from the template parameters ArtifactBucket \
            and ArtifactKey (a zip of the handlers in S3). With --inline-code DIR each \
            function's handler file is read from DIR (handler src/trigger.handler → \
            DIR/src/trigger.js) and inlined as Code.ZipFile, for small Node.js or Python handlers.
            """
    )

    @Option(help: ArgumentHelp("yaml (short-form tags) or json.", valueName: "format"))
    var format: TemplateFormat = .yaml

    @Option(help: ArgumentHelp("The stage to compile for (default: the service's, or dev).", valueName: "name"))
    var stage: String?

    @Option(help: ArgumentHelp("The region physical names are resolved for (default: the service's, or us-east-1).", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("Inline each function's handler source from this folder.", valueName: "dir"))
    var inlineCode: String?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var validation: ValidationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let selected = try service.selected
        var options = CloudFormationOptions(stage: stage, region: region)
        if let inlineCode {
            options.code = .inline(try reportingFailure { try InlineCode.sources(for: selected, in: inlineCode) })
        }
        try validation.preflight(selected, for: .cloudFormation(format), options: options)
        let template = try reportingFailure { try selected.cloudFormation(format, options: options) }
        try output.write(template)
    }
}

extension TemplateFormat: ExpressibleByArgument {}
