/// CloudFormation's per-template limits, checked on every template of a split (FAN701, and
/// FAN703 near the resource limit). Each count is one pass over its template's top-level
/// maps, so checking a split is linear in its size.
///
/// Limits as AWS documents them (CloudFormation quotas): 500 resources, 200 parameters and
/// 200 outputs per template, a template body of at most 1,000,000 bytes from S3 (where
/// `aws cloudformation package` puts nested templates and `deploy --s3-bucket` the root).
enum SplitLimits {
    static let resources = ResourceCountRule.limit
    static let parameters = 200
    static let outputs = 200
    static let bytes = TemplateSizeRule.s3Limit

    /// How many resources CloudFormation creates, updates or deletes in one operation on a
    /// stack and its nested stacks (the quota "Nested stacks: resources per operation").
    static let resourcesPerOperation = 2_500

    /// FAN705 when the split holds more resources than one operation may create: the first
    /// deploy must then add consumers in batches. Later deploys change only what changed.
    static func operationDiagnostics(templates: [Value], at location: SourceLocation) -> [Diagnostic] {
        let total = templates.reduce(0) { $0 + ($1.mapValue?["Resources"]?.mapValue?.count ?? 0) }
        guard total > resourcesPerOperation else { return [] }
        return [Diagnostic(
            StackSplitter.operationCode, .warning,
            "the root and its nested stacks hold \(total) resources; CloudFormation creates, updates or deletes at most \(resourcesPerOperation) in one operation on nested stacks: deploy a new service in batches of consumers (about \(resourcesPerOperation / 9) at a time), then each later deploy changes only what changed",
            path: "Resources", at: location)]
    }

    /// The findings for one written template: `name` says which, `remedy` what to do when it
    /// is over a limit.
    static func diagnostics(
        template: Value, size: Int, name: String, remedy: String, at location: SourceLocation
    ) -> [Diagnostic] {
        let map = template.mapValue ?? [:]
        let counts = [
            ("resources", map["Resources"]?.mapValue?.count ?? 0, resources),
            ("parameters", map["Parameters"]?.mapValue?.count ?? 0, parameters),
            ("outputs", map["Outputs"]?.mapValue?.count ?? 0, outputs),
            ("bytes", size, bytes),
        ]
        var found: [Diagnostic] = []
        for (what, count, limit) in counts where count > limit {
            found.append(Diagnostic(
                StackSplitter.limitCode, .error,
                "\(name) has \(count) \(what); CloudFormation allows \(limit) per template. \(remedy)",
                path: "Resources", at: location))
        }
        let resourceCount = counts[0].1
        if found.isEmpty, resourceCount * 10 >= resources * 9 {
            found.append(Diagnostic(
                StackSplitter.nearLimitCode, .warning,
                "\(name) has \(resourceCount) of CloudFormation's \(resources) resources; \(remedy)",
                path: "Resources", at: location))
        }
        return found
    }
}
