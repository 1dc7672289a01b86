import OrderedCollections

/// FAN207: a subscription filter policy over SNS's limits: 5 keys and 150 value combinations.
public struct FilterPolicyRule: Rule {
    public let code = "FAN207"
    public let summary = "Filter policies have at most 5 keys and 150 value combinations"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard case .map(let conditions)? = subscription.filterPolicy else { return nil }
            let policy = FilterPolicy(scope: subscription.filterPolicyScope ?? .messageAttributes, conditions)
            var problems: [String] = []
            if policy.leaves.count > FilterPolicy.keyLimit {
                problems.append("\(policy.leaves.count) keys (SNS allows \(FilterPolicy.keyLimit))")
            }
            let combinations = policy.combinations
            if combinations > FilterPolicy.combinationLimit {
                // `combinations` saturates at Int.max rather than overflowing.
                let count = combinations == .max ? "more than \(Int.max)" : "\(combinations)"
                problems.append("\(count) value combinations (SNS allows \(FilterPolicy.combinationLimit))")
            }
            problems += Self.shapeProblems(conditions, scope: policy.scope)
            guard !problems.isEmpty else { return nil }
            return diagnostic(
                .error, "the filter policy of \(subscription.logicalID) has \(problems.joined(separator: " and ")); SNS rejects it",
                path: context.path(subscription) + ".Properties.FilterPolicy", at: subscription.location)
        }
    }

    /// What SNS rejects in the policy's shape: a key whose values are not a list, and nested
    /// keys outside a message-body policy.
    static func shapeProblems(_ conditions: OrderedDictionary<String, Value>, scope: FilterPolicyScope, prefix: String = "") -> [String] {
        conditions.flatMap { key, value -> [String] in
            switch value {
            case .list: return []
            case .map(let nested) where scope == .messageBody:
                return shapeProblems(nested, scope: scope, prefix: prefix + key + ".")
            case .map:
                return ["nested key '\(prefix + key)' (only message-body policies nest; use .filter(body:))"]
            default:
                return ["key '\(prefix + key)' whose value is not a list (write [\"…\"])"]
            }
        }
    }
}
