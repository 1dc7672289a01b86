/// FAN404: a compiled template too large to pass directly (51,200 bytes) or at all
/// (1,000,000 bytes through S3).
///
/// `emit` measures the text it is about to write (``Pipeline``); `lint`,
/// which renders nothing, computes the size of the JSON rendering from the value tree (the
/// larger of the two formats: YAML's short-form tags are more compact).
public struct TemplateSizeRule: Rule {
    public static let code = "FAN404"
    public var code: String { Self.code }
    public let summary = "The compiled template fits CloudFormation's size limits"
    public init() {}

    public static let directLimit = 51_200
    public static let s3Limit = 1_000_000

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // The Serverless Framework uploads its template through S3 itself; a chosen format is
        // measured as written, by the pipeline.
        guard case .cloudFormation(nil) = context.target else { return [] }
        let template = context.template
        return Self.diagnostics(size: JSONRenderer().byteCount(of: template), format: .json, at: context.service.location)
    }

    /// The finding for a template of `size` bytes written as `format`, if it needs one.
    public static func diagnostics(size: Int, format: TemplateFormat, at location: SourceLocation) -> [Diagnostic] {
        let what = "the compiled template is \(size) bytes as \(format.rawValue.uppercased())"
        if size > s3Limit {
            return [Diagnostic(
                code, .error, "\(what); CloudFormation accepts at most \(s3Limit), even from S3. Emit it as a root stack with nested stacks: fanout emit cloudformation --split DIR",
                path: "Resources", at: location)]
        }
        if size > directLimit {
            return [Diagnostic(
                code, .warning, "\(what), more than the \(directLimit) a direct upload allows: deploy it through S3 (aws cloudformation deploy --s3-bucket …)",
                path: "Resources", at: location)]
        }
        return []
    }
}
