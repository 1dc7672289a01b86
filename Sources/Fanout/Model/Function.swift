import OrderedCollections

/// A Lambda function with its events and environment.
public struct Function: ServiceComponent {
    /// The key under `functions:`, such as `processorOne`; logical IDs derive from it.
    public var key: String
    /// The handler, such as `src/trigger.handler`.
    public var handler: String
    /// A runtime for this function alone; `nil` uses the provider's.
    public var runtime: Runtime?
    /// Memory in MB; `nil` uses the provider's, or ``LambdaSettings/defaultMemorySize``.
    public var memorySize: Int?
    /// Timeout in seconds; `nil` uses the provider's, or ``LambdaSettings/defaultTimeout``.
    public var timeout: Int?
    /// How long this function's log group keeps its events; `nil` uses the provider's.
    public var logRetentionInDays: LogRetention?
    public var events: [Event] = []
    public var environment: OrderedDictionary<String, Value> = [:]
    /// Where each environment variable was last set through ``setEnvironment(_:_:at:)``
    /// (``Environment`` and ``Publishes`` use it); variables assigned to `environment`
    /// directly have no entry.
    public private(set) var environmentLocations: [String: SourceLocation] = [:]
    /// Environment variables set again after they were set: each later setting replaced an
    /// earlier value, which a map cannot show afterwards. Validation reports them.
    public private(set) var replacedEnvironment: [EnvironmentReplacement] = []
    /// Statements only this function needs. With per-function roles they make up its own
    /// role; with the shared role they are added to it.
    public var iamStatements: [Statement] = []
    public let location: SourceLocation

    /// A function whose events and environment variables the builder lists.
    public init(
        _ key: String,
        handler: String,
        runtime: Runtime? = nil,
        memorySize: Int? = nil,
        timeout: Int? = nil,
        logRetentionInDays: LogRetention? = nil,
        file: String = #filePath,
        line: Int = #line,
        @FunctionBuilder _ content: () -> [any FunctionComponent] = { [] }
    ) {
        self.key = key
        self.handler = handler
        self.runtime = runtime
        self.memorySize = memorySize
        self.timeout = timeout
        self.logRetentionInDays = logRetentionInDays
        self.location = SourceLocation(file: file, line: line)
        for component in content() {
            component.apply(to: &self)
        }
    }

    public func apply(to service: inout Service) {
        service.functions.append(self)
    }

    /// Sets the environment variable `name`, keeping where it was set and, when it was set
    /// before, which value it replaced.
    public mutating func setEnvironment(_ name: String, _ value: Value, at location: SourceLocation) {
        if let previous = environment[name] {
            replacedEnvironment.append(EnvironmentReplacement(
                name: name, replaced: previous, replacedAt: environmentLocations[name], value: value, location: location))
        }
        environment[name] = value
        environmentLocations[name] = location
    }

    /// An environment variable set a second time, and what that replaced.
    public struct EnvironmentReplacement: Hashable, Sendable {
        public var name: String
        /// The value that was lost.
        public var replaced: Value
        /// Where the lost value was set, if it was set through ``setEnvironment(_:_:at:)``.
        public var replacedAt: SourceLocation?
        /// The value that replaced it.
        public var value: Value
        /// Where the replacing value was set.
        public var location: SourceLocation
    }

    /// Memory the function gets: its own, the provider's, or the Serverless default 1024 MB.
    public func effectiveMemorySize(in provider: Provider) -> Int {
        memorySize ?? provider.memorySize ?? LambdaSettings.defaultMemorySize
    }

    /// How long the function's log group keeps events: its own setting, the provider's, or
    /// `nil` (forever).
    public func effectiveLogRetention(in provider: Provider) -> LogRetention? {
        logRetentionInDays ?? provider.logRetentionInDays
    }

    /// Timeout the function gets: its own, the provider's, or the Serverless default 6 s.
    public func effectiveTimeout(in provider: Provider) -> Int {
        timeout ?? provider.timeout ?? LambdaSettings.defaultTimeout
    }
}
