/// FAN022: a stack name (`<service>-<stage>`, as the Serverless Framework names it) over
/// CloudFormation's 128 characters.
public struct StackNameRule: Rule {
    public let code = "FAN022"
    public let summary = "The stack name <service>-<stage> is at most 128 characters"
    public init() {}
    public var readsTarget: Bool { false }

    public static let limit = 128

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let name = "\(context.service.name)-\(context.stage)"
        guard name.count > Self.limit else { return [] }
        return [diagnostic(
            .error, "the stack name '\(name.prefix(40))…' is \(name.count) characters; CloudFormation allows \(Self.limit); shorten the service name or the stage",
            path: "service", at: context.service.location)]
    }
}
