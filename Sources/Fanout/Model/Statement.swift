import OrderedCollections

/// One IAM policy statement, for a role or a resource policy such as a queue policy.
public struct Statement: Hashable, Sendable, FunctionComponent {
    /// Whether the statement allows or denies.
    public enum Effect: String, Hashable, Sendable {
        case allow = "Allow"
        case deny = "Deny"
    }

    public var sid: String?
    public var effect: Effect
    public var principal: Principal?
    public var actions: OneOrMany<String>
    public var resources: OneOrMany<Value>
    public var condition: Condition?
    public var location: SourceLocation

    /// A statement. Actions and resources keep the form they are written in:
    /// `actions: "sqs:SendMessage"` is written as one value, `actions: ["sqs:SendMessage"]`
    /// as a list; a single typed resource is `.one(queue.arn)`.
    public init(
        _ effect: Effect = .allow,
        sid: String? = nil,
        principal: Principal? = nil,
        actions: OneOrMany<String>,
        resources: OneOrMany<Value>,
        condition: Condition? = nil,
        file: String = #filePath,
        line: Int = #line
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.condition = condition
        self.location = SourceLocation(file: file, line: line)
    }

    /// The statement as a policy document wants it: `Sid`, `Effect`, `Principal`, `Action`,
    /// `Resource`, `Condition`.
    public var value: Value {
        var map: OrderedDictionary<String, Value> = [:]
        if let sid { map["Sid"] = .string(sid) }
        map["Effect"] = .string(effect.rawValue)
        if let principal { map["Principal"] = principal.value }
        map["Action"] = actions.value
        map["Resource"] = resources.value
        if let condition { map["Condition"] = condition.value }
        return .map(map)
    }

    /// In a ``Function`` builder: a statement for that function alone.
    public func apply(to function: inout Function) {
        function.iamStatements.append(self)
    }

    public static func == (lhs: Statement, rhs: Statement) -> Bool {
        lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
