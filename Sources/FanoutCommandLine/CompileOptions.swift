import ArgumentParser
import Fanout

/// How a service is compiled into raw CloudFormation; `emit cloudformation` and `lint` take
/// the same options, so lint checks exactly what emit writes.
public struct CompileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The stage to compile for (default: the service's, or dev).", valueName: "name"))
    /// `--stage`.
    public var stage: String?

    @Option(help: ArgumentHelp(
        "The region ${aws:region} stands for (default: the service's; without one, the region the stack is deployed to, AWS::Region).",
        valueName: "name"))
    /// `--region`, which must look like a region (`validate()`).
    public var region: String?

    @Option(help: ArgumentHelp(
        "Inline each function's handler source from this folder (handler src/trigger.handler → DIR/src/trigger.js).",
        valueName: "dir"))
    /// `--inline-code`.
    public var inlineCode: String?

    public init() {}

    /// Refuses a `--region` that is no region name (exit status 64).
    public func validate() throws {
        if let region, !Self.isRegionShaped(region) {
            throw ValidationError("invalid region '\(region)'; a region is written like eu-central-1 or us-gov-west-1")
        }
    }

    /// Whether `text` has the shape of an AWS region name: lowercase words joined by hyphens,
    /// the first of 2 to 4 letters, ending in a number (`eu-central-1`, `us-gov-west-1`,
    /// `eusc-de-east-1`). Whether AWS has such a region is not known here.
    static func isRegionShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, let first = parts.first,
              (2...4).contains(first.count), (1...2).contains(number.count),
              number.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } }
    }

    /// The compilation options for `service`, with its handler sources read when inlined;
    /// a handler that cannot be inlined stops the command with every such finding.
    public func options(for service: Service) throws -> CloudFormationOptions {
        var options = CloudFormationOptions(stage: stage, region: region)
        if let inlineCode {
            options.code = .inline(try reportingFailure { try InlineCode.sources(for: service, in: inlineCode) })
        }
        return options
    }

    /// The compilation options for `service` and, instead of stopping, the findings of handlers
    /// that cannot be inlined (FAN006), for `lint` to report with the rest in any format.
    public func optionsAndFindings(for service: Service) -> (options: CloudFormationOptions, diagnostics: [Diagnostic]) {
        var options = CloudFormationOptions(stage: stage, region: region)
        guard let inlineCode else { return (options, []) }
        let loaded = InlineCode.load(for: service, in: inlineCode)
        options.code = .inline(loaded.sources)
        return (options, loaded.diagnostics)
    }
}
