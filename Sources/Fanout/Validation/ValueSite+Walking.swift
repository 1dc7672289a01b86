extension ValidationContext.ValueSite {
    /// Calls `visit` with every value inside the site's value, the value itself first, depth
    /// first. Walks with an explicit stack, so a deeply nested value cannot overflow the call
    /// stack, and collects nothing: a large service's sites hold hundreds of thousands of values.
    func forEachDescendant(_ visit: (Value) -> Void) {
        var work: [Value] = [value]
        while let next = work.popLast() {
            visit(next)
            switch next {
            case .list(let items), .join(_, let items): work.append(contentsOf: items.reversed())
            case .map(let map), .sub(_, let map): work.append(contentsOf: map.values.reversed())
            case .function(_, let argument): work.append(argument)
            case .string, .text, .int, .bool, .ref, .getAtt: break
            }
        }
    }
}
