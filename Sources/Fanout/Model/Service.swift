import OrderedCollections

/// A serverless service: provider settings, functions and resources, in declaration order.
///
/// ```swift
/// let service = Service("orders", runtime: .nodejs24x, region: "eu-central-1") {
///     let topic = Topic("OrderPlaced")
///     topic
///     Function("trigger", handler: "src/trigger.handler") {
///         HTTP(.post, "/orders")
///         Environment("TOPIC_ARN", topic.arn)
///     }
/// }
/// ```
public struct Service: Sendable {
    /// The service name (`service:`), which also prefixes physical names.
    public var name: String
    public var provider: Provider
    public var functions: [Function] = []
    public var resources: [any Resource] = [] {
        // Properties computed from the resources before they changed no longer hold.
        didSet { compiledProperties = nil }
    }
    /// Stack outputs, after the ones the compilation adds.
    public var outputs: [Output] = []
    public let location: SourceLocation
    /// Each resource's `properties`, in the order of ``resources``, once the bind stage has
    /// computed them: the translators and validation read them rather than each building
    /// them again from the model (a large fan-out has thousands of resources).
    private var compiledProperties: [OrderedDictionary<String, Value>]?

    /// A service whose functions, resources and IAM statements the builder lists.
    public init(
        _ name: String,
        runtime: Runtime,
        region: String? = nil,
        stage: String? = nil,
        memorySize: Int? = nil,
        timeout: Int? = nil,
        roles: RoleMode = .shared,
        logRetentionInDays: LogRetention? = nil,
        file: String = #filePath,
        line: Int = #line,
        @ServiceBuilder _ content: () -> [any ServiceComponent]
    ) {
        self.name = name
        self.provider = Provider(
            runtime: runtime, region: region, stage: stage, memorySize: memorySize, timeout: timeout)
        self.provider.roles = roles
        self.provider.logRetentionInDays = logRetentionInDays
        self.location = SourceLocation(file: file, line: line)
        for component in content() {
            component.apply(to: &self)
        }
    }

    /// The resource with this logical ID, if one is declared.
    public func resource(_ logicalID: String) -> (any Resource)? {
        resources.first { $0.logicalID == logicalID }
    }
}

extension Service {
    /// `resources[index].properties`, computed once if the bind stage compiled them.
    func properties(ofResourceAt index: Int) -> OrderedDictionary<String, Value> {
        compiledProperties?[index] ?? resources[index].properties
    }

    /// `resources[index].definition`, from ``properties(ofResourceAt:)``.
    func definition(ofResourceAt index: Int) -> Value {
        resources[index].definition(properties: properties(ofResourceAt: index))
    }

    /// The service with every resource's properties computed, once, for the stages after
    /// binding. Changing ``resources`` later drops them.
    func compilingProperties() -> Service {
        var compiled = self
        compiled.compiledProperties = resources.map(\.properties)
        return compiled
    }
}
