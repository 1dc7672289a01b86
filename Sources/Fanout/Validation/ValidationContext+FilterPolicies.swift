/// The subscriptions' filter policies, each audited once per validation: the leaves, the
/// combination count, the minimum size and every ``FilterPolicyAudit`` finding, shared by
/// the filter-policy rules (FAN207–FAN211) instead of each rule auditing again.
struct FilterPolicyIndex: Sendable {
    /// One filtered subscription and what its policy amounts to.
    struct Entry: Sendable {
        var subscription: Subscription
        var policy: FilterPolicy
        /// The leaf keys (nested body keys included) and the values each allows.
        var leaves: [(key: String, values: Int)]
        /// The value combinations SNS counts (`Int.max` when beyond `Int`).
        var combinations: Int
        /// What the audit found, of every kind.
        var findings: [FilterPolicyAudit.Finding]
        /// The fewest bytes the policy takes as compact JSON.
        var minimumSize: Int
    }

    /// The subscriptions with a filter policy, in declaration order.
    let entries: [Entry]

    init(_ subscriptions: [Subscription]) {
        entries = subscriptions.compactMap { subscription in
            guard let policy = subscription.filter else { return nil }
            let leaves = policy.leaves
            return Entry(
                subscription: subscription, policy: policy, leaves: leaves,
                combinations: FilterPolicy.combinations(of: leaves),
                findings: FilterPolicyAudit(policy.value, scope: policy.scope).findings,
                minimumSize: FilterPolicyAudit.minimumJSONSize(policy.value))
        }
    }
}

extension ValidationContext {
    /// The subscriptions with a filter policy, audited once (see ``FilterPolicyIndex``).
    var filteredSubscriptions: [FilterPolicyIndex.Entry] { filterPolicies.entries }
}

extension Rule {
    /// The diagnostics of one kind of filter-policy finding, one per finding, at the subscription.
    func filterPolicyDiagnostics(_ kind: FilterPolicyAudit.Finding.Kind, _ context: ValidationContext) -> [Diagnostic] {
        context.filteredSubscriptions.flatMap { entry in
            entry.findings.filter { $0.kind == kind }.map { finding in
                diagnostic(
                    finding.severity, "the filter policy of \(entry.subscription.logicalID): \(finding.message)",
                    path: context.path(entry.subscription) + ".Properties.FilterPolicy", at: entry.subscription.location)
            }
        }
    }
}
