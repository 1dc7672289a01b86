/// FAN404: a compiled template too large to pass directly (51,200 bytes) or at all
/// (1,000,000 bytes through S3).
public struct TemplateSizeRule: Rule {
    public let code = "FAN404"
    public let summary = "The compiled template fits CloudFormation's size limits"
    public init() {}

    public static let directLimit = 51_200
    public static let s3Limit = 1_000_000

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let template = context.template, let yaml = try? YAMLRenderer().render(template) else { return [] }
        let size = yaml.utf8.count
        if size > Self.s3Limit {
            return [diagnostic(
                .error, "the compiled template is \(size) bytes; CloudFormation accepts at most \(Self.s3Limit), even from S3. Split the service into stacks",
                path: "Resources", at: context.service.location)]
        }
        if size > Self.directLimit {
            return [diagnostic(
                .warning, "the compiled template is \(size) bytes, more than the \(Self.directLimit) a direct upload allows: deploy it through S3 (aws cloudformation deploy --s3-bucket …)",
                path: "Resources", at: context.service.location)]
        }
        return []
    }
}
