/// Checks a service before anything is emitted and reports what is wrong with it.
///
/// ```swift
/// let diagnostics = Validator().validate(service, on: Day("2026-11-26")!)
/// if diagnostics.contains(where: { $0.severity == .error }) { … }
/// ```
public struct Validator: Sendable {
    /// Every rule Fanout ships, in code order.
    public static let rules: [any Rule] = [
        DuplicateLogicalIDRule(), InvalidLogicalIDRule(), DuplicateFunctionRule(),
        UnknownReferenceRule(), UnknownAttributeRule(), CompilationRule(),
        SubscriptionWithoutQueuePolicyRule(), BroadQueuePolicyRule(), EndpointIsQueueURLRule(),
        SubscriptionOrderRule(), EnvelopeDeliveryRule(), ManagedKeyRule(), KeyPolicyRule(),
        VisibilityTimeoutRule(), RecommendedVisibilityRule(), EventSourceSettingsRule(),
        FIFORule(), DeadLetterQueueRule(), EventSourceTypeRule(), FilterPolicyRule(),
        PublishPermissionRule(), UnusedPermissionRule(), WildcardPermissionRule(), SharedRoleRule(),
        NameRule(), RangeRule(), ResourceCountRule(), TemplateSizeRule(), TemplateSectionRule(), QueuePolicySizeRule(),
        DeprecatedRuntimeRule(), BlockedRuntimeRule(), UnknownRuntimeRule(),
        RepeatedEnvironmentVariableRule(), DuplicatePhysicalNameRule(), EnvironmentVariableNameRule(),
        EnvironmentVariableValueRule(), HandlerRule(), DependencyCycleRule(), PseudoParameterRule(),
        RoleStatementShapeRule(), RoleStatementResourceRule(), SharedRoleNameRule(),
        ServiceNameRule(), StageNameRule(), StackNameRule(), DuplicateExportRule(), LiteralPseudoParameterRule(),
        UnknownIntrinsicRule(), HTTPPathRule(), EmptySourceConditionRule(), EmptyQueuePolicyRule(),
        FilterPolicyMatcherRule(), FilterPolicyNumericRule(), FilterPolicyStructureRule(), FilterPolicySizeRule(),
        DescriptionLengthRule(),
        OpenTriggerRule(), ThrottlingRule(), AuthorizerRule(),
        SchemaConstraintRule(),
        UnwatchedDeadLetterQueueRule(), EmailEndpointRule(),
        LogRetentionRule(), TopicEncryptionRule(), TopicKeyPermissionRule(),
    ]

    public var rules: [any Rule]

    public init(rules: [any Rule] = Validator.rules) {
        self.rules = rules
    }

    /// The diagnostics for `service` judged on `date`, for emitting `target`: the whole
    /// ``Pipeline`` up to validation (bind, translate, validate), as `fanout lint` runs it.
    /// Nothing is rendered.
    public func validate(
        _ service: Service, on date: Day?, options: CloudFormationOptions = CloudFormationOptions(),
        target: ValidationTarget = .cloudFormation(nil)
    ) -> [Diagnostic] {
        Pipeline(options: options, date: date, validator: self).lint(service, for: target)
    }

    /// The diagnostics every rule finds in `context`, ordered by where they point (file, line,
    /// column), then by code. The rules run on two threads where there are two processors
    /// (``RuleRunner``); the result is the same as running them one after another.
    public func validate(_ context: ValidationContext) -> [Diagnostic] {
        Self.ordered(RuleRunner.findings(of: rules, in: context).flatMap { $0 })
    }

    /// What ``validate(_:)`` gives for `context` retargeted at each of `targets`, with the
    /// rules that do not read the target (``Rule/readsTarget``) run once for all of them, and
    /// one index for all (it does not depend on the target).
    public func validate(_ context: ValidationContext, for targets: [ValidationTarget]) -> [[Diagnostic]] {
        let shared = rules.indices.filter { !rules[$0].readsTarget }
        var slots = [[Diagnostic]](repeating: [], count: rules.count)
        for (index, findings) in zip(shared, RuleRunner.findings(of: shared.map { rules[$0] }, in: context)) {
            slots[index] = findings
        }
        return targets.map { target in
            var retargeted = context
            retargeted.target = target
            var findings = slots
            for index in rules.indices where rules[index].readsTarget { findings[index] = rules[index].check(retargeted) }
            // In the order the rules are listed, as validate(_:) gives them.
            return Self.ordered(Array(findings.joined()))
        }
    }

    /// `diagnostics` ordered by where they point (file, line, column), then by code; those
    /// without a location last.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            switch (l.location, r.location) {
            case (let a?, let b?) where a != b:
                return (a.file, a.line, a.column ?? 0) < (b.file, b.line, b.column ?? 0)
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                return (l.code, lhs.offset) < (r.code, rhs.offset)
            }
        }.map(\.element)
    }
}
