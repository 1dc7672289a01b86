/// Gives Serverless variables their values for raw CloudFormation: the service's name, the
/// stage and the region, with the defaults the Serverless Framework uses in one place.
struct VariableResolver: Sendable {
    let service: String
    let stage: String
    /// `nil` when neither the options nor the service name a region: the template then takes
    /// the deploying region from `AWS::Region`.
    let region: String?

    init(service: Service, options: CloudFormationOptions) {
        self.service = service.name
        self.stage = options.stage ?? service.provider.stage ?? Provider.defaultStage
        self.region = options.region ?? service.provider.region
    }

    /// The value of `variable`, if it is one Fanout resolves and its value is known.
    func value(of variable: Variable) -> String? {
        switch variable.meaning {
        case .service: service
        case .stage: stage
        case .region: region
        case nil: nil
        }
    }

    /// `text` as a plain string, or as `!Sub` with `${AWS::Region}` when only the region is
    /// unknown; the first variable that cannot be resolved otherwise.
    func resolve(_ text: Text) -> Result<Value, Text.UnresolvedVariable> {
        if case .success(let string) = text.resolved(value(of:)) { return .success(.string(string)) }
        var template = ""
        for part in text.parts {
            switch part {
            case .literal(let string):
                template += string.replacing("${", with: "${!")
            case .variable(let variable) where variable.meaning == .region && region == nil:
                template += "${AWS::Region}"
            case .variable(let variable):
                guard let resolved = value(of: variable) else { return .failure(Text.UnresolvedVariable(variable: variable)) }
                template += resolved.replacing("${", with: "${!")
            }
        }
        return .success(.sub(template))
    }
}
