import ArgumentParser
import Fanout

/// How a service is compiled into raw CloudFormation; `emit cloudformation` and `lint` take
/// the same options, so lint checks exactly what emit writes.
struct CompileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The stage to compile for (default: the service's, or dev).", valueName: "name"))
    var stage: String?

    @Option(help: ArgumentHelp(
        "The region ${aws:region} stands for (default: the service's; without one, the region the stack is deployed to, AWS::Region).",
        valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp(
        "Inline each function's handler source from this folder (handler src/trigger.handler → DIR/src/trigger.js).",
        valueName: "dir"))
    var inlineCode: String?

    /// The compilation options for `service`, with its handler sources read when inlined.
    func options(for service: Service) throws -> CloudFormationOptions {
        var options = CloudFormationOptions(stage: stage, region: region)
        if let inlineCode {
            options.code = .inline(try reportingFailure { try InlineCode.sources(for: service, in: inlineCode) })
        }
        return options
    }
}
