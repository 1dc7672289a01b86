/// FAN407: the shared execution role's name, `<service>-<stage>-<region>-lambdaRole` (as the
/// Serverless Framework names it), longer than the 64 characters IAM allows. When the region
/// is left to the deploying tool, the name is measured in the longest commercial region (an
/// error when it overflows there) and in the longest region of any partition (a warning when
/// it overflows only in an isolated region).
public struct SharedRoleNameRule: Rule {
    public let code = "FAN407"
    public let summary = "The shared role's name fits IAM's 64 characters"
    public init() {}
    public var readsTarget: Bool { false }

    public static let limit = 64
    /// A longest commercial region ID: 14 characters, as `ap-southeast-1` to `-7`,
    /// `ap-northeast-1` to `-3` and `cn-northwest-1` have, among the regions cfn-lint 1.51.0
    /// ships schemas for (GovCloud's `us-gov-west-1` has 13).
    public static let longestCommercialRegion = "ap-southeast-1"
    /// The longest region ID of any partition, `us-isof-south-1` (an isolated, ISO region),
    /// among the regions cfn-lint 1.51.0 ships schemas for.
    public static let longestRegion = "us-isof-south-1"

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let service = context.service
        guard service.provider.roles == .shared, !service.functions.isEmpty else { return [] }
        let fix = "Shorten the service name or the stage"
        let perFunction = "or use roles: .perFunction (roles without a fixed name)"
        func name(in region: String) -> String { "\(service.name)-\(context.stage)-\(region)-lambdaRole" }
        let path = "Resources.\(Naming.roleLogicalID).Properties.RoleName"
        if let region = context.knownRegion {
            let name = name(in: region)
            guard name.count > Self.limit else { return [] }
            return [diagnostic(
                .error,
                "the role the functions share is named '\(name)', \(name.count) characters; IAM allows \(Self.limit). \(fix) by \(name.count - Self.limit) characters, \(perFunction)",
                path: path, at: service.location)]
        }
        let commercial = name(in: Self.longestCommercialRegion)
        if commercial.count > Self.limit {
            return [diagnostic(
                .error,
                "the role the functions share is named '\(commercial)', \(commercial.count) characters in \(Self.longestCommercialRegion), one of the longest commercial region IDs (the region is left to the deploying tool; name it with Service(region:) to check for that region); IAM allows \(Self.limit). \(fix) by \(commercial.count - Self.limit) characters, \(perFunction)",
                path: path, at: service.location)]
        }
        let isolated = name(in: Self.longestRegion)
        guard isolated.count > Self.limit else { return [] }
        return [diagnostic(
            .warning,
            "the role the functions share would be named '\(isolated)', \(isolated.count) characters, in \(Self.longestRegion), the longest (isolated) region ID; IAM allows \(Self.limit), so a deploy there fails (the region is left to the deploying tool; name it with Service(region:) to check for that region). \(fix) by \(isolated.count - Self.limit) characters, \(perFunction)",
            path: path, at: service.location)]
    }
}
