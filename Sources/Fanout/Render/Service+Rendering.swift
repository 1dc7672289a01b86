extension Service {
    /// The service as a Serverless Framework `serverless.yml`.
    public func serverlessYAML() throws -> String {
        try YAMLRenderer().render(ServerlessTranslator().translate(self))
    }

    /// The service compiled into a raw CloudFormation template.
    public func cloudFormation(
        _ format: TemplateFormat = .yaml, options: CloudFormationOptions = CloudFormationOptions()
    ) throws -> String {
        let template = try CloudFormationTranslator(options: options).translate(self)
        switch format {
        case .yaml: return try YAMLRenderer().render(template)
        case .json: return try JSONRenderer().render(template)
        }
    }
}

/// How a CloudFormation template is written.
public enum TemplateFormat: String, CaseIterable, Sendable {
    /// YAML with short-form intrinsic tags (`!Ref`, `!GetAtt`).
    case yaml
    /// JSON with intrinsics in long form (`{"Ref": …}`).
    case json
}
