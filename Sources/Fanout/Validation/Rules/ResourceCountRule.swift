/// FAN403: more resources than a CloudFormation template may hold (500), counting the ones
/// the compilation adds: log groups, roles, mappings, permissions, API pieces.
public struct ResourceCountRule: Rule {
    public let code = "FAN403"
    public let summary = "The compiled template has at most 500 resources"
    public init() {}
    public var readsTarget: Bool { false }

    public static let limit = 500

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let count = context.compiledResources.count
        let declared = context.service.resources.count
        if count > Self.limit {
            return [diagnostic(
                .error, "the compiled template has \(count) resources (\(declared) declared, \(count - declared) generated); CloudFormation allows \(Self.limit) per stack. Emit it as a root stack with nested stacks: fanout emit cloudformation --split DIR",
                path: "Resources", at: context.service.location)]
        }
        if count * 10 >= Self.limit * 9 {
            return [diagnostic(
                .warning, "the compiled template has \(count) of CloudFormation's \(Self.limit) resources; past them, fanout emit cloudformation --split DIR writes nested stacks",
                path: "Resources", at: context.service.location)]
        }
        return []
    }
}
