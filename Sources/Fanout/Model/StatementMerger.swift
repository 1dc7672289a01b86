import OrderedCollections

/// Merges statements that differ only in their resources into one statement listing every
/// resource, keeping first-seen order: the narrowest set of statements that covers them all.
enum StatementMerger {
    static func merge(_ statements: [Statement]) -> [Statement] {
        // Each merged statement with its resources so far and a set of them, so that a
        // resource is checked in constant time: one role statement may list a queue per consumer.
        var slots: OrderedDictionary<Value, (statement: Statement, resources: [Value], seen: Set<Value>)> = [:]
        for statement in statements {
            var key = statement
            key.resources = .many([])
            let identity = key.value
            let elements = statement.resources.elements
            if let index = slots.index(forKey: identity) {
                for resource in elements where slots.values[index].seen.insert(resource).inserted {
                    slots.values[index].resources.append(resource)
                }
            } else {
                // The first statement's resources are kept as they are, repeats included.
                slots[identity] = (statement, elements, Set(elements))
            }
        }
        return slots.values.map { slot in
            var merged = slot.statement
            merged.resources = .many(slot.resources)
            return merged
        }
    }
}
