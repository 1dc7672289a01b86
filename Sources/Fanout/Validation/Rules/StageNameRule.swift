/// FAN021: a stage name the Serverless Framework refuses: its configuration schema requires
/// `^[a-zA-Z0-9-]+$`. The stage ends the stack name and is part of every physical name.
public struct StageNameRule: Rule {
    public let code = "FAN021"
    public let summary = "The stage name is letters, digits and hyphens"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let stage = context.stage
        guard stage.isEmpty || !stage.allSatisfy(NameCharacters.isAlphanumericOrHyphen) else { return [] }
        let problem = stage.isEmpty
            ? "is empty" : "contains \(NameCharacters.invalid(in: stage, allowed: NameCharacters.isAlphanumericOrHyphen))"
        return [diagnostic(
            .error, "the stage '\(stage)' \(problem); the Serverless Framework requires ^[a-zA-Z0-9-]+$ and it ends the stack name <service>-<stage>; use letters, digits and hyphens, such as 'dev' or 'prod-eu'",
            path: "provider.stage", at: context.service.location)]
    }
}
