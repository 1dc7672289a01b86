/// FAN404: a compiled template too large to pass directly (51,200 bytes) or at all
/// (1,000,000 bytes through S3).
public struct TemplateSizeRule: Rule {
    public let code = "FAN404"
    public let summary = "The compiled template fits CloudFormation's size limits"
    public init() {}

    public static let directLimit = 51_200
    public static let s3Limit = 1_000_000

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // The Serverless Framework uploads its template through S3 itself.
        guard case .cloudFormation(let chosen) = context.target, let template = context.template else { return [] }
        let formats = chosen.map { [$0] } ?? TemplateFormat.allCases
        let sizes = formats.compactMap { format -> (TemplateFormat, Int)? in
            switch format {
            case .yaml: (try? YAMLRenderer().render(template)).map { (format, $0.utf8.count) }
            case .json: (try? JSONRenderer().render(template)).map { (format, $0.utf8.count) }
            }
        }
        guard let (format, size) = sizes.max(by: { $0.1 < $1.1 }) else { return [] }
        let what = "the compiled template is \(size) bytes as \(format.rawValue.uppercased())"
        if size > Self.s3Limit {
            return [diagnostic(
                .error, "\(what); CloudFormation accepts at most \(Self.s3Limit), even from S3. Split the service into stacks",
                path: "Resources", at: context.service.location)]
        }
        if size > Self.directLimit {
            return [diagnostic(
                .warning, "\(what), more than the \(Self.directLimit) a direct upload allows: deploy it through S3 (aws cloudformation deploy --s3-bucket …)",
                path: "Resources", at: context.service.location)]
        }
        return []
    }
}
