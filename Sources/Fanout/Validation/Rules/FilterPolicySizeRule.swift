/// FAN211: a filter policy over SNS's 256 KB.
public struct FilterPolicySizeRule: Rule {
    public let code = "FAN211"
    public let summary = "Filter policies are at most 256 KB"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.filteredSubscriptions.compactMap { entry in
            let (subscription, size) = (entry.subscription, entry.minimumSize)
            guard size > FilterPolicyAudit.sizeLimit else { return nil }
            return diagnostic(
                .error, "the filter policy of \(subscription.logicalID) is at least \(size) bytes; SNS allows \(FilterPolicyAudit.sizeLimit) (256 KB); match on fewer values, or on a prefix they share",
                path: context.path(subscription) + ".Properties.FilterPolicy", at: subscription.location)
        }
    }
}
