/// FAN025: a `Value.function` whose name is no CloudFormation intrinsic function. CloudFormation
/// refuses the template, and the renderings disagree: YAML writes the name as a `!Tag`, JSON
/// as a map key.
public struct UnknownIntrinsicRule: Rule {
    public let code = "FAN025"
    public let summary = "Value.function names a CloudFormation intrinsic function"
    public init() {}
    public var readsTarget: Bool { false }

    /// The intrinsic functions CloudFormation knows by their long name.
    public static let intrinsics: Set<String> = Value.intrinsicFunctionNames
    /// The functions that exist only under the `AWS::LanguageExtensions` transform, which
    /// Fanout does not add.
    public static let languageExtensions: Set<String> = ["Fn::Length", "Fn::ToJsonString"]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for site in context.valueSites {
            site.forEachDescendant { value in
                guard case .function(let name, _) = value else { return }
                if Self.languageExtensions.contains(name) {
                    found.append(diagnostic(
                        .error, "\(site.owner) uses \(name), which CloudFormation knows only under the AWS::LanguageExtensions transform, and Fanout's templates do not declare it; compute the value in Swift instead",
                        path: site.path, at: site.location))
                } else if !Self.intrinsics.contains(name) {
                    found.append(diagnostic(
                        .error, "\(site.owner) uses Value.function(\"\(name)\", …), which is no CloudFormation intrinsic (YAML writes it as a !tag, JSON as a key, and CloudFormation refuses both); \(Self.suggestion(for: name))",
                        path: site.path, at: site.location))
                }
            }
        }
        return found
    }

    /// A fix: the long name when `name` is a short one (`Select` → `Fn::Select`), otherwise the list.
    static func suggestion(for name: String) -> String {
        let bare = name.hasPrefix("!") ? String(name.dropFirst()) : name
        if let known = intrinsics.first(where: { $0 == "Fn::" + bare || $0.lowercased() == bare.lowercased() || $0.lowercased() == "fn::" + bare.lowercased() }) {
            return "write \"\(known)\""
        }
        return "use one of " + intrinsics.sorted().joined(separator: ", ")
    }
}
