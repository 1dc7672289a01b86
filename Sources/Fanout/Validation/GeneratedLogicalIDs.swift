/// The logical IDs the CloudFormation compilation adds for a service's functions and events.
enum GeneratedLogicalIDs {
    /// The IDs of a compiled template that the service does not declare itself.
    static func of(_ template: Value, declared service: Service) -> Set<String> {
        var ids = Set(template.mapValue?["Resources"]?.mapValue?.keys ?? [])
        ids.subtract(service.resources.map(\.logicalID))
        ids.formUnion(template.mapValue?["Parameters"]?.mapValue?.keys ?? [])
        return ids
    }

    /// The IDs compiling the service's functions alone gives, for a service that does not
    /// compile as a whole.
    static func of(_ service: Service) -> Set<String> {
        var bare = service
        bare.resources = []
        bare.outputs = []
        let template = try? CloudFormationTranslator().translate(bare)
        var ids = Set(template?.mapValue?["Resources"]?.mapValue?.keys ?? [])
        ids.formUnion(template?.mapValue?["Parameters"]?.mapValue?.keys ?? [])
        // Declared even when the compilation of the functions themselves fails.
        for function in service.functions {
            ids.insert(Naming.lambdaLogicalID(function.key))
            ids.insert(Naming.logGroupLogicalID(function.key))
        }
        if !service.functions.isEmpty { ids.insert(Naming.roleLogicalID) }
        return ids
    }
}
