import OrderedCollections

/// Merges statements that differ only in their resources into one statement listing every
/// resource, keeping first-seen order: the narrowest set of statements that covers them all.
enum StatementMerger {
    static func merge(_ statements: [Statement]) -> [Statement] {
        var merged: OrderedDictionary<Value, Statement> = [:]
        for statement in statements {
            var key = statement
            key.resources = .many([])
            let identity = key.value
            if var existing = merged[identity] {
                var resources = existing.resources.elements
                for resource in statement.resources.elements where !resources.contains(resource) {
                    resources.append(resource)
                }
                existing.resources = .many(resources)
                merged[identity] = existing
            } else {
                var first = statement
                first.resources = .many(statement.resources.elements)
                merged[identity] = first
            }
        }
        return Array(merged.values)
    }
}
