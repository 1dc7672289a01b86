import Fanout

/// A file a ``FanoutCommand`` keeps: where it goes, what it holds and how it is compiled.
///
/// ```swift
/// static var outputs: [FanoutOutput] {
///     [.serverless(), .cloudFormation("deploy/prod.json", format: .json, stage: "prod")]
/// }
/// ```
public struct FanoutOutput: Hashable, Sendable {
    /// The path, relative to the current folder or `check --directory`.
    public var path: String
    /// What the file holds.
    public var format: Pipeline.Output
    /// The stage raw CloudFormation is compiled for (default: the service's, or dev).
    public var stage: String?
    /// The region `${aws:region}` stands for (default: the service's, or the stack's).
    public var region: String?
    /// A folder (relative like ``path``) to inline the handlers' source from, as
    /// `emit cloudformation --inline-code` does.
    public var inlineCode: String?
    /// Set for raw CloudFormation split into nested stacks (``splitCloudFormation(_:format:stacks:stage:region:inlineCode:)``):
    /// ``path`` is then the folder `emit cloudformation --split` writes, and `check` compares
    /// every template in it.
    public var split: SplitOptions?

    public init(
        _ path: String, format: Pipeline.Output, stage: String? = nil, region: String? = nil, inlineCode: String? = nil,
        split: SplitOptions? = nil
    ) {
        self.path = path
        self.format = format
        self.stage = stage
        self.region = region
        self.inlineCode = inlineCode
        self.split = split
    }

    /// The Serverless Framework's `serverless.yml`.
    public static func serverless(_ path: String = "serverless.yml") -> FanoutOutput {
        FanoutOutput(path, format: .serverless)
    }

    /// A raw CloudFormation template (YAML unless `format` says JSON).
    public static func cloudFormation(
        _ path: String = "cloudformation.yaml", format: TemplateFormat = .yaml, stage: String? = nil,
        region: String? = nil, inlineCode: String? = nil
    ) -> FanoutOutput {
        FanoutOutput(path, format: .cloudFormation(format), stage: stage, region: region, inlineCode: inlineCode)
    }

    /// Raw CloudFormation as a root template and nested stacks in the folder `directory`, as
    /// `emit cloudformation --split DIR --stacks N` writes them (`root.yaml`, `stacks/…`): for
    /// a stack past CloudFormation's 500 resources or 1,000,000 bytes. Keep `stacks` fixed
    /// once deployed: changing it moves consumers between stacks.
    public static func splitCloudFormation(
        _ directory: String = "cloudformation", format: TemplateFormat = .yaml, stacks: Int = SplitOptions.defaultStackCount,
        stage: String? = nil, region: String? = nil, inlineCode: String? = nil
    ) -> FanoutOutput {
        FanoutOutput(
            directory, format: .cloudFormation(format), stage: stage, region: region, inlineCode: inlineCode,
            split: SplitOptions(stackCount: stacks, format: format))
    }
}
