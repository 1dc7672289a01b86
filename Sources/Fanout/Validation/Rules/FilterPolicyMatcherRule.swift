/// FAN208: a filter-policy matcher SNS refuses: an unknown operator, two operators in one
/// matcher, or an operand of the wrong type (`prefix`, `suffix` and `equals-ignore-case`
/// take a string, `exists` true or false, `anything-but` strings, numbers or one prefix,
/// `cidr` a network); see ``FilterPolicyAudit``.
public struct FilterPolicyMatcherRule: Rule {
    public let code = "FAN208"
    public let summary = "Filter-policy matchers use SNS's operators with operands of the right type"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        filterPolicyDiagnostics(.matcher, context)
    }
}
