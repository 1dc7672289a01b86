/// FAN405: more than 200 parameters or outputs in the compiled template.
public struct TemplateSectionRule: Rule {
    public let code = "FAN405"
    public let summary = "The compiled template has at most 200 parameters and 200 outputs"
    public init() {}
    public var readsTarget: Bool { false }

    public static let limit = 200

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        ["Parameters", "Outputs"].compactMap { section in
            let count = context.template.mapValue?[section]?.mapValue?.count ?? 0
            guard count > Self.limit else { return nil }
            return diagnostic(
                .error, "the compiled template has \(count) \(section.lowercased()); CloudFormation allows \(Self.limit)",
                path: section, at: context.service.outputs.last?.location ?? context.service.location)
        }
    }
}
