import OrderedCollections

/// FAN207: a subscription filter policy over SNS's limits: 5 keys and 150 value combinations.
public struct FilterPolicyRule: Rule {
    public let code = "FAN207"
    public let summary = "Filter policies have at most 5 keys and 150 value combinations"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.filteredSubscriptions.compactMap { entry in
            let (subscription, policy) = (entry.subscription, entry.policy)
            let conditions = policy.conditions
            var problems: [String] = []
            if entry.leaves.count > FilterPolicy.keyLimit {
                problems.append("\(entry.leaves.count) keys (SNS allows \(FilterPolicy.keyLimit))")
            }
            let combinations = entry.combinations
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
    /// keys outside a message-body policy. Walks with an explicit stack (a body policy may
    /// nest deeply), in declaration order.
    static func shapeProblems(_ conditions: OrderedDictionary<String, Value>, scope: FilterPolicyScope, prefix: String = "") -> [String] {
        var problems: [String] = []
        var stack: [(entries: ArraySlice<(key: String, value: Value)>, prefix: String)] = [(ArraySlice(conditions.elements), prefix)]
        while let top = stack.popLast() {
            guard let (key, value) = top.entries.first else { continue }
            stack.append((top.entries.dropFirst(), top.prefix))
            switch value {
            case .list:
                break
            case .map(let nested) where scope == .messageBody:
                stack.append((ArraySlice(nested.elements), top.prefix + key + "."))
            case .map:
                problems.append("nested key '\(top.prefix + key)' (only message-body policies nest; use .filter(body:))")
            default:
                problems.append("key '\(top.prefix + key)' whose value is not a list (write [\"…\"])")
            }
        }
        return problems
    }
}
