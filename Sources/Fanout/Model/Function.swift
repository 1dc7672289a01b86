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
    public var events: [Event] = []
    public var environment: OrderedDictionary<String, Value> = [:]
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
        file: String = #filePath,
        line: Int = #line,
        @FunctionBuilder _ content: () -> [any FunctionComponent] = { [] }
    ) {
        self.key = key
        self.handler = handler
        self.runtime = runtime
        self.memorySize = memorySize
        self.timeout = timeout
        self.location = SourceLocation(file: file, line: line)
        for component in content() {
            component.apply(to: &self)
        }
    }

    public func apply(to service: inout Service) {
        service.functions.append(self)
    }

    /// Memory the function gets: its own, the provider's, or the Serverless default 1024 MB.
    public func effectiveMemorySize(in provider: Provider) -> Int {
        memorySize ?? provider.memorySize ?? LambdaSettings.defaultMemorySize
    }

    /// Timeout the function gets: its own, the provider's, or the Serverless default 6 s.
    public func effectiveTimeout(in provider: Provider) -> Int {
        timeout ?? provider.timeout ?? LambdaSettings.defaultTimeout
    }
}
