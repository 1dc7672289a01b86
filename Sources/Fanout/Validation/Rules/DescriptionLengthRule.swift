/// FAN410: descriptions over what AWS accepts: the template's and each output's 1,024 bytes,
/// and the `Description` property of resource types that cap it (lengths from the resource
/// provider schemas in cfn-lint 1.51.0).
public struct DescriptionLengthRule: Rule {
    public let code = "FAN410"
    public let summary = "Template, output and resource descriptions fit AWS's length limits"
    public init() {}
    public var readsTarget: Bool { false }

    /// CloudFormation's limit on the template's and an output's description, in bytes.
    public static let templateLimit = 1024
    /// The longest `Description` each resource type accepts, in characters.
    public static let resourceLimits: [String: Int] = [
        "AWS::KMS::Key": 8192,
        "AWS::Lambda::Function": 256,
        "AWS::IAM::Role": 1000,
        "AWS::IAM::ManagedPolicy": 1000,
        "AWS::Events::Rule": 512,
    ]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if case .string(let description)? = context.template.mapValue?["Description"],
           description.utf8.count > Self.templateLimit {
            found.append(diagnostic(
                .error, "the template's description is \(description.utf8.count) bytes; CloudFormation allows \(Self.templateLimit); it names the service and stage, so shorten the service name",
                path: "Description", at: context.service.location))
        }
        for output in context.service.outputs {
            guard let description = output.description, description.utf8.count > Self.templateLimit else { continue }
            found.append(diagnostic(
                .error, "output \(output.name)'s description is \(description.utf8.count) bytes; CloudFormation allows \(Self.templateLimit); shorten it",
                path: "Outputs.\(output.name).Description", at: output.location))
        }
        for (index, resource) in context.service.resources.enumerated() {
            guard let limit = Self.resourceLimits[resource.type],
                  case .string(let description)? = context.service.properties(ofResourceAt: index)["Description"],
                  description.unicodeScalars.count > limit
            else { continue }
            found.append(diagnostic(
                .error, "\(resource.logicalID)'s description is \(description.unicodeScalars.count) characters; \(resource.type) allows \(limit); shorten it",
                path: context.path(resource) + ".Properties.Description", at: resource.location))
        }
        return found
    }
}
