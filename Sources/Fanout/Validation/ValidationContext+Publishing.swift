extension ValidationContext {
    /// The topics `function` publishes to, as its environment names them (`Publishes(to:)`
    /// does), each once, in the environment's order.
    func publishedTopics(of function: Function) -> [Topic] {
        var seen: Set<String> = []
        return function.environment.values.flatMap(\.referencedLogicalIDs)
            .compactMap { resource($0) as? Topic }
            .filter { seen.insert($0.logicalID).inserted }
    }
}
