/// What a service is validated for: some checks concern only raw CloudFormation.
public enum ValidationTarget: Hashable, Sendable {
    /// serverless.yml: the Serverless Framework resolves its own variables and uploads the
    /// template through S3.
    case serverless
    /// Raw CloudFormation in this format, or in either when `nil`.
    case cloudFormation(TemplateFormat?)
}
