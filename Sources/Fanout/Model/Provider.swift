/// The Serverless Framework's `provider` block: settings shared by every function.
public struct Provider: Hashable, Sendable {
    /// The cloud provider; Fanout targets `aws`.
    public var name: String = "aws"
    public var runtime: Runtime
    /// The region; `nil` leaves it to the deploying tool.
    public var region: String?
    /// The stage; `nil` means the Serverless Framework's default, `dev`.
    public var stage: String?
    /// Memory for functions that do not set their own, in MB.
    public var memorySize: Int?
    /// Timeout for functions that do not set their own, in seconds.
    public var timeout: Int?
    /// How long every function's log group keeps its events (`logRetentionInDays`); `nil`
    /// keeps them forever, CloudWatch's default.
    public var logRetentionInDays: LogRetention?
    /// Statements of the role every function shares (`iam.role.statements`).
    public var iamStatements: [Statement] = []
    /// Whether the functions share one execution role or each gets its own.
    public var roles: RoleMode = .shared
    /// The REST API's throttling, API keys and usage plan (`apiGateway`), from ``APIGateway``.
    public var apiGateway: APIGateway?

    public init(runtime: Runtime, region: String? = nil, stage: String? = nil,
                memorySize: Int? = nil, timeout: Int? = nil) {
        self.runtime = runtime
        self.region = region
        self.stage = stage
        self.memorySize = memorySize
        self.timeout = timeout
    }

    /// The stage when none is given: the Serverless Framework's default.
    public static let defaultStage = "dev"
}

/// How the functions' execution roles are laid out.
public enum RoleMode: Hashable, Sendable {
    /// One role for every function, `IamRoleLambdaExecution`, as the Serverless Framework v3
    /// creates it: each function can do what any function needs.
    case shared
    /// In raw CloudFormation, a role per function (`<Function>IamRoleLambdaExecution`) with
    /// only its own log group, its own statements and its own queues. serverless.yml keeps
    /// one shared role with the narrowest statements that cover every function.
    case perFunction
}
