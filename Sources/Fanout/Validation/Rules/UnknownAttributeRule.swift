/// FAN005: `GetAtt` of an attribute the resource type does not have, such as `Topic.Arn`
/// (a topic's ARN is its `Ref`).
public struct UnknownAttributeRule: Rule {
    public let code = "FAN005"
    public let summary = "GetAtt names an attribute the resource type has"
    public init() {}

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
    ]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let compiled = context.compiledResources
        func type(of id: String) -> String? {
            context.resource(id)?.type ?? compiled[id]?.mapValue?["Type"]?.stringValue
        }
        var found: [Diagnostic] = []
        func check(_ value: Value, path: String, at location: SourceLocation) {
            for (id, attribute) in value.getAttReferences {
                guard let type = type(of: id), let known = Self.attributes[type], !known.contains(attribute) else { continue }
                var message = "\(type) has no attribute '\(attribute)' (GetAtt \(id).\(attribute)); it has \(known.sorted().joined(separator: ", "))"
                if type == "AWS::SNS::Topic" && attribute == "Arn" {
                    message += ". A topic's ARN is its Ref: use topic.arn (!Ref \(id))"
                }
                found.append(diagnostic(.error, message, path: path, at: location))
            }
        }
        for resource in context.service.resources {
            check(.map(resource.properties), path: context.path(resource), at: resource.location)
        }
        for function in context.service.functions {
            check(.map(function.environment), path: context.path(function) + ".environment", at: function.location)
            for case .sqs(let sqs) in function.events {
                check(sqs.arn, path: context.path(function) + ".events", at: sqs.location)
            }
        }
        for statement in context.service.provider.iamStatements {
            check(statement.value, path: "provider.iam.role.statements", at: statement.location)
        }
        for output in context.service.outputs {
            check(output.value, path: "Outputs.\(output.name)", at: output.location)
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
