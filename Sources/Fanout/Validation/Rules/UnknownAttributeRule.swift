/// FAN005: `GetAtt` of an attribute the resource type does not have, such as `Topic.Arn`
/// (a topic's ARN is its `Ref`).
public struct UnknownAttributeRule: Rule {
    public let code = "FAN005"
    public let summary = "GetAtt names an attribute the resource type has"
    public init() {}
    public var readsTarget: Bool { false }

    /// The attributes of the types Fanout declares or generates.
    static let attributes: [String: Set<String>] = [
        "AWS::SNS::Topic": ["TopicArn", "TopicName"],
        "AWS::SQS::Queue": ["Arn", "QueueName", "QueueUrl"],
        "AWS::SQS::QueuePolicy": ["Id"],
        "AWS::SNS::Subscription": ["Arn"],
        "AWS::Lambda::Function": ["Arn", "SnapStartResponse", "SnapStartResponse.ApplyOn", "SnapStartResponse.OptimizationStatus"],
        "AWS::IAM::Role": ["Arn", "RoleId"],
        "AWS::ApiGateway::RestApi": ["RestApiId", "RootResourceId"],
        "AWS::Logs::LogGroup": ["Arn"],
        "AWS::KMS::Key": ["Arn", "KeyId"],
    ]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let compiled = context.compiledResources
        func type(of id: String) -> String? {
            context.resource(id)?.type ?? compiled[id]?.mapValue?["Type"]?.stringValue
        }
        var found: [Diagnostic] = []
        for site in context.valueSites {
            for (id, attribute) in site.value.getAttReferences {
                guard let type = type(of: id), let known = Self.attributes[type], !known.contains(attribute) else { continue }
                var message = "\(type) has no attribute '\(attribute)' (GetAtt \(id).\(attribute)); it has \(known.sorted().joined(separator: ", "))"
                if type == "AWS::SNS::Topic" && attribute == "Arn" {
                    message += ". A topic's ARN is its Ref: use topic.arn (!Ref \(id))"
                }
                found.append(diagnostic(.error, message, path: site.path, at: site.location))
            }
        }
        return found
    }
}

extension Value {
    /// Every `GetAtt` in the value, as (logical ID, attribute).
    var getAttReferences: [(String, String)] {
        switch self {
        case .getAtt(let id, let attribute): [(id, attribute)]
        case .list(let items), .join(_, let items): items.flatMap(\.getAttReferences)
        case .map(let map): map.values.flatMap(\.getAttReferences)
        case .sub(_, let variables): variables.values.flatMap(\.getAttReferences)
        case .function(_, let argument): argument.getAttReferences
        case .string, .text, .int, .bool, .ref: []
        }
    }
}
