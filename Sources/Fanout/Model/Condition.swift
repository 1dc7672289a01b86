import OrderedCollections

/// The `Condition` block of a policy statement: operators, each with keys and values.
public struct Condition: Hashable, Sendable {
    /// One test: an operator such as `ArnEquals`, a key such as `aws:SourceArn`, and values.
    public struct Clause: Hashable, Sendable {
        public var `operator`: String
        public var key: String
        public var values: OneOrMany<Value>

        public init(_ operator: String, _ key: String, _ values: OneOrMany<Value>) {
            self.operator = `operator`
            self.key = key
            self.values = values
        }
    }

    /// The clauses in order; clauses with the same operator share its block when written.
    public var clauses: [Clause]

    public init(_ clauses: [Clause]) {
        self.clauses = clauses
    }

    /// `ArnEquals: {key: value}`, the test SNS deliveries are matched with.
    public static func arnEquals(_ key: String, _ value: Value) -> Condition {
        Condition([Clause("ArnEquals", key, .one(value))])
    }

    /// `ArnLike: {key: value}`.
    public static func arnLike(_ key: String, _ value: Value) -> Condition {
        Condition([Clause("ArnLike", key, .one(value))])
    }

    /// `StringEquals: {key: value}`.
    public static func stringEquals(_ key: String, _ value: Value) -> Condition {
        Condition([Clause("StringEquals", key, .one(value))])
    }

    /// Both conditions.
    public func and(_ other: Condition) -> Condition {
        Condition(clauses + other.clauses)
    }

    /// The values a key is tested against, over every operator.
    public func values(for key: String) -> [Value] {
        clauses.filter { $0.key == key }.flatMap(\.values.elements)
    }

    /// The block as a policy document writes it.
    public var value: Value {
        var operators: OrderedDictionary<String, OrderedDictionary<String, Value>> = [:]
        for clause in clauses {
            operators[clause.operator, default: [:]][clause.key] = clause.values.value
        }
        return .map(operators.mapValues(Value.map))
    }
}
