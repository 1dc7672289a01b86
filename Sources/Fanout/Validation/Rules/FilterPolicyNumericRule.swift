/// FAN209: numeric matching SNS refuses: an unknown comparison, a non-number operand, a
/// range that is not `[">"/">=", low, "<"/"<=", high]` with `low < high`; and (a warning)
/// numbers beyond the ±10⁹ SNS documents.
public struct FilterPolicyNumericRule: Rule {
    public let code = "FAN209"
    public let summary = "Numeric filter matchers are comparisons or ranges SNS accepts, within ±10⁹"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        filterPolicyDiagnostics(.numeric, context)
    }
}
