extension ValidationContext.ValueSite {
    /// Every value inside the site's value, the value itself first, depth first. Walks with
    /// an explicit stack, so a deeply nested value cannot overflow the call stack.
    var descendants: [Value] {
        var found: [Value] = []
        var work: [Value] = [value]
        while let next = work.popLast() {
            found.append(next)
            switch next {
            case .list(let items): work.append(contentsOf: items.reversed())
            case .map(let map): work.append(contentsOf: map.values.reversed())
            case .sub(_, let variables): work.append(contentsOf: variables.values.reversed())
            case .join(_, let items): work.append(contentsOf: items.reversed())
            case .function(_, let argument): work.append(argument)
            case .string, .text, .int, .bool, .ref, .getAtt: break
            }
        }
        return found
    }
}
