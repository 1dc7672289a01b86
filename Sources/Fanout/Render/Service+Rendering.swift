extension Service {
    /// The service as a Serverless Framework `serverless.yml`, validated first.
    ///
    /// - Parameter checks: `.skipped` renders without validating.
    /// - Throws: ``ValidationFailure`` with every diagnostic when the service has an error.
    public func serverlessYAML(checks: Pipeline.Checks = .enforced) throws(ValidationFailure) -> String {
        try Pipeline().emit(self, as: .serverless, checks: checks).text
    }

    /// The service compiled into a raw CloudFormation template, validated first.
    ///
    /// - Parameter checks: `.skipped` renders without validating.
    /// - Throws: ``ValidationFailure`` with every diagnostic when the service has an error.
    public func cloudFormation(
        _ format: TemplateFormat = .yaml, options: CloudFormationOptions = CloudFormationOptions(),
        checks: Pipeline.Checks = .enforced
    ) throws(ValidationFailure) -> String {
        try Pipeline(options: options).emit(self, as: .cloudFormation(format), checks: checks).text
    }
}

/// How a CloudFormation template is written.
public enum TemplateFormat: String, CaseIterable, Sendable {
    /// YAML with short-form intrinsic tags (`!Ref`, `!GetAtt`).
    case yaml
    /// JSON with intrinsics in long form (`{"Ref": …}`).
    case json
}
