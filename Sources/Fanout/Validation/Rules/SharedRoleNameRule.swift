/// FAN407: the shared execution role's name, `<service>-<stage>-<region>-lambdaRole` (as the
/// Serverless Framework names it), longer than the 64 characters IAM allows. When the region
/// is left to the deploying tool, the longest region ID is assumed.
public struct SharedRoleNameRule: Rule {
    public let code = "FAN407"
    public let summary = "The shared role's name fits IAM's 64 characters"
    public init() {}

    public static let limit = 64
    /// The longest region ID, `us-isof-south-1`, among the regions cfn-lint 1.51.0 ships
    /// schemas for (commercial regions have at most 14 characters, such as `ap-southeast-7`).
    public static let longestRegion = "us-isof-south-1"

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let service = context.service
        guard service.provider.roles == .shared, !service.functions.isEmpty else { return [] }
        let region = context.knownRegion ?? Self.longestRegion
        let name = "\(service.name)-\(context.stage)-\(region)-lambdaRole"
        guard name.count > Self.limit else { return [] }
        let where_ = context.knownRegion == nil
            ? " in \(region), the longest region ID (the region is left to the deploying tool; name it with Service(region:) to check for that region)"
            : ""
        return [diagnostic(
            .error,
            "the role the functions share is named '\(name)', \(name.count) characters\(where_); IAM allows \(Self.limit). Shorten the service name or the stage by \(name.count - Self.limit) characters, or use roles: .perFunction (roles without a fixed name)",
            path: "Resources.\(Naming.roleLogicalID).Properties.RoleName", at: service.location)]
    }
}
