/// FAN004: a `Ref`, `GetAtt`, `Sub` placeholder or `DependsOn` naming a resource that does
/// not exist (possible only through the string escape hatch).
public struct UnknownReferenceRule: Rule {
    public let code = "FAN004"
    public let summary = "References name resources that exist"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let known = context.generatedLogicalIDs.union(context.service.resources.map(\.logicalID))
        var found: [Diagnostic] = []
        for site in context.valueSites {
            for id in site.value.referencedLogicalIDs where !known.contains(id) {
                found.append(diagnostic(
                    .error, "\(site.owner) refers to '\(id)', which is not declared; declare it or use its typed handle",
                    path: site.path, at: site.location))
            }
        }
        for resource in context.service.resources {
            for id in resource.dependsOn where !known.contains(id) {
                found.append(diagnostic(
                    .error, "\(resource.logicalID) depends on '\(id)', which is not declared",
                    path: context.path(resource) + ".DependsOn", at: resource.location))
            }
        }
        return found
    }
}
