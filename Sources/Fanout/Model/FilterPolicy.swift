import OrderedCollections

/// An SNS subscription filter policy: only messages that match are delivered.
///
/// ```swift
/// .filter(["eventType": ["order_placed", "order_updated"], "amount": [.numeric(">=", 100)]])
/// .filter(body: ["priority": ["high"]])
/// ```
public struct FilterPolicy: Hashable, Sendable {
    /// What the policy is matched against.
    public var scope: FilterPolicyScope
    /// Each key with the values it may take (strings, numbers, or matchers such as
    /// ``Value/prefix(_:)``); body policies may nest maps.
    public var conditions: OrderedDictionary<String, Value>

    public init(scope: FilterPolicyScope, _ conditions: OrderedDictionary<String, Value>) {
        self.scope = scope
        self.conditions = conditions
    }

    /// A policy on the message attributes (SNS's default scope).
    public static func attributes(_ conditions: OrderedDictionary<String, Value>) -> FilterPolicy {
        FilterPolicy(scope: .messageAttributes, conditions)
    }

    /// A policy on the JSON message body; keys may nest.
    public static func body(_ conditions: OrderedDictionary<String, Value>) -> FilterPolicy {
        FilterPolicy(scope: .messageBody, conditions)
    }

    /// The policy as SNS takes it.
    public var value: Value { .map(conditions) }

    /// SNS's limit on the number of keys.
    public static let keyLimit = 5
    /// SNS's limit on the number of value combinations.
    public static let combinationLimit = 150

    /// The leaf keys (nested body keys included) and the values each allows.
    public var leaves: [(key: String, values: Int)] {
        func walk(_ map: OrderedDictionary<String, Value>, prefix: String) -> [(String, Int)] {
            map.flatMap { key, value -> [(String, Int)] in
                switch value {
                case .map(let nested) where scope == .messageBody && !Self.isMatcher(nested):
                    return walk(nested, prefix: prefix + key + ".")
                case .list(let values): return [(prefix + key, max(values.count, 1))]
                default: return [(prefix + key, 1)]
                }
            }
        }
        return walk(conditions, prefix: "").map { (key: $0.0, values: $0.1) }
    }

    /// The number of value combinations SNS counts: the product of each key's value count.
    /// A product beyond `Int`'s range (20 keys of 10 values) is `Int.max`, far over
    /// ``combinationLimit`` either way.
    public var combinations: Int {
        Self.combinations(of: leaves)
    }

    /// The number of value combinations of these ``leaves``, saturating at `Int.max`.
    public static func combinations(of leaves: [(key: String, values: Int)]) -> Int {
        var product = 1
        for leaf in leaves {
            let (next, overflow) = product.multipliedReportingOverflow(by: leaf.values)
            if overflow { return .max }
            product = next
        }
        return product
    }

    private static func isMatcher(_ map: OrderedDictionary<String, Value>) -> Bool {
        map.keys.allSatisfy { ["prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "cidr", "wildcard"].contains($0) }
    }
}
