/// FAN102: a queue policy statement open to anyone, or not tied to a source topic or account.
public struct BroadQueuePolicyRule: Rule {
    public let code = "FAN102"
    public let summary = "Queue policy statements name a service principal and a source condition"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.queuePolicies.flatMap { policy in
            policy.statements.filter { $0.effect == .allow }.compactMap { statement -> Diagnostic? in
                var problems: [String] = []
                if statement.isPublic {
                    problems.append("its principal is \"*\" (anyone); name the service, such as sns.amazonaws.com")
                }
                // A named account or role is specific already; a service principal acts for
                // every customer, so it needs a source condition.
                let keys = Set(statement.condition?.merged.filter { !$0.values.elements.isEmpty }.map { $0.key.lowercased() } ?? [])
                let isService = if case .service? = statement.principal { true } else { false }
                // An aws:SourceArn clause with no topic admits nothing, the opposite of too
                // broad: FAN108 reports it (FanOut(from: []) leaves one).
                if (statement.isPublic || isService) && keys.isDisjoint(with: ["aws:sourcearn", "aws:sourceaccount"])
                    && !statement.hasEmptySourceCondition {
                    problems.append("it has no aws:SourceArn or aws:SourceAccount condition, so any topic or account may send; add ArnEquals aws:SourceArn <topic>")
                }
                guard !problems.isEmpty else { return nil }
                return diagnostic(
                    .warning, "a statement of \(policy.logicalID) is too broad: " + problems.joined(separator: "; "),
                    path: context.path(policy) + ".PolicyDocument", at: statement.location)
            }
        }
    }
}
