/// FAN001: a logical ID declared twice, or one the compilation generates itself.
public struct DuplicateLogicalIDRule: Rule {
    public let code = "FAN001"
    public let summary = "Logical IDs are unique, and distinct from the ones Fanout generates"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen: [String: any Resource] = [:]
        var found: [Diagnostic] = []
        let generated = context.generatedLogicalIDs
        for resource in context.service.resources {
            if let first = seen[resource.logicalID] {
                found.append(diagnostic(
                    .error,
                    "logical ID '\(resource.logicalID)' is declared twice (first at \(first.location)); give each resource its own ID",
                    path: context.path(resource), at: resource.location))
            } else if generated.contains(resource.logicalID) {
                found.append(diagnostic(
                    .error,
                    "logical ID '\(resource.logicalID)' is one Fanout generates for the functions; rename the resource",
                    path: context.path(resource), at: resource.location))
            }
            seen[resource.logicalID] = seen[resource.logicalID] ?? resource
        }
        return found
    }
}
