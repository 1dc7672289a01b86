extension ValidationContext.ValueSite {
    /// Calls `visit` with every value inside the site's value, the value itself first, depth
    /// first. Walks with an explicit stack, so a deeply nested value cannot overflow the call
    /// stack, and collects nothing: a large service's sites hold hundreds of thousands of values.
    func forEachDescendant(_ visit: (Value) -> Void) {
        var work: [Value] = [value]
        while let next = work.popLast() {
            visit(next)
            next.pushChildren(onto: &work)
        }
    }
}
