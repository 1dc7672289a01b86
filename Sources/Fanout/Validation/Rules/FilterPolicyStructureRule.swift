/// FAN210: a filter-policy key with an empty value list (SNS refuses it), and an `"$or"`
/// that SNS would read as an attribute name (not a list of two or more policies).
public struct FilterPolicyStructureRule: Rule {
    public let code = "FAN210"
    public let summary = "Filter-policy keys list at least one value; \"$or\" lists two or more policies"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        filterPolicyDiagnostics(.structure, context)
    }
}
