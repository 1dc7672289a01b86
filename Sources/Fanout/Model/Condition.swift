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

    /// Both conditions' clauses. Clauses on different keys or operators must all hold; two
    /// clauses with the same operator and key become one list of values, which IAM reads as
    /// any of them (a policy document cannot repeat a key).
    public func and(_ other: Condition) -> Condition {
        Condition(clauses + other.clauses)
    }

    /// The values a key is tested against, over every operator.
    public func values(for key: String) -> [Value] {
        merged.filter { $0.key.lowercased() == key.lowercased() }.flatMap(\.values.elements)
    }

    /// The clauses as they are written: one per operator and key, the values of repeated
    /// clauses merged into one list (a policy document cannot repeat a key).
    public var merged: [Clause] {
        var groups: OrderedDictionary<[String], [Clause]> = [:]
        for clause in clauses {
            groups[[clause.operator, clause.key], default: []].append(clause)
        }
        return groups.values.map { group in
            group.count == 1 ? group[0] : Clause(group[0].operator, group[0].key, .many(group.flatMap(\.values.elements)))
        }
    }

    /// The block as a policy document writes it.
    public var value: Value {
        var operators: OrderedDictionary<String, OrderedDictionary<String, Value>> = [:]
        for clause in merged {
            operators[clause.operator, default: [:]][clause.key] = clause.values.value
        }
        return .map(operators.mapValues(Value.map))
    }

    /// Whether a request whose `key` is `value` passes every clause on that key: equality
    /// and `Like` operators must list it (a `*` pattern is taken to match), negated ones must
    /// not. Clauses on other keys are not judged. `nil` when no clause tests the key.
    public func admits(_ key: String, _ value: Value) -> Bool? {
        let tests = merged.filter { $0.key.lowercased() == key.lowercased() }
        guard !tests.isEmpty else { return nil }
        return tests.allSatisfy { clause in
            let op = clause.operator.lowercased().replacing("ifexists", with: "")
            let listed = clause.values.elements.contains { candidate in
                candidate == value || (op.hasSuffix("like") && (candidate.stringValue?.contains("*") ?? false))
            }
            return op.contains("not") ? !listed : listed
        }
    }
}
