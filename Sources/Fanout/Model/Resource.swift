import OrderedCollections

/// A CloudFormation resource the user declares: a topic, a queue, a policy, a subscription,
/// or any other type through ``CustomResource``.
///
/// Resources are values. Other resources refer to one through its typed handles
/// (`topic.arn`, `queue.arn`), which become `!Ref` and `!GetAtt` in the output.
public protocol Resource: ServiceComponent {
    /// The logical ID in the template (`[A-Za-z0-9]+`).
    var logicalID: String { get }
    /// The CloudFormation type, such as `AWS::SQS::Queue`.
    var type: String { get }
    /// The `Properties` block, in output order; may contain Serverless variables.
    var properties: OrderedDictionary<String, Value> { get }
    /// Logical IDs this resource must be created after (`DependsOn`).
    var dependsOn: [String] { get set }
    /// Where the resource was declared.
    var location: SourceLocation { get }
}

extension Resource {
    public func apply(to service: inout Service) {
        service.resources.append(self)
    }

    /// The same resource, created only after `resources` (CloudFormation `DependsOn`).
    public func dependsOn(_ resources: any Resource...) -> Self {
        var copy = self
        copy.dependsOn += resources.map(\.logicalID)
        return copy
    }

    /// `!Ref LogicalId`.
    public var ref: Value { .ref(logicalID) }

    /// The resource as a template writes it: `Type`, `DependsOn`, `Properties`.
    public var definition: Value {
        definition(properties: properties)
    }

    /// ``definition`` with `properties` computed already (``Service/properties(ofResourceAt:)``).
    func definition(properties: OrderedDictionary<String, Value>) -> Value {
        var map: OrderedDictionary<String, Value> = ["Type": .string(type)]
        if !dependsOn.isEmpty {
            map["DependsOn"] = dependsOn.count == 1
                ? .string(dependsOn[0]) : .list(dependsOn.map(Value.string))
        }
        if !properties.isEmpty { map["Properties"] = .map(properties) }
        return .map(map)
    }
}
