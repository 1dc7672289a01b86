extension ValidationContext.ValueSite {
    /// Every value inside the site's value, the value itself first, depth first. Walks with
    /// an explicit stack, so a deeply nested value cannot overflow the call stack.
    var descendants: [Value] {
        var found: [Value] = []
        var work: [Value] = [value]
        while let next = work.popLast() {
            found.append(next)
            work.append(contentsOf: next.children.reversed())
        }
        return found
    }
}
