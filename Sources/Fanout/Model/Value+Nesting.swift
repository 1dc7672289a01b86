extension Value {
    /// Pushes the values directly inside this one — a list's items, a map's values, the
    /// variables of `Fn::Sub`, the items of `Fn::Join`, a function's argument — onto `work`,
    /// last first, so that popping gives them in order: for walks over a tree that keep an
    /// explicit stack instead of recursing.
    func pushChildren(onto work: inout [Value]) {
        switch self {
        case .list(let items), .join(_, let items): work.append(contentsOf: items.reversed())
        case .map(let map), .sub(_, let map): work.append(contentsOf: map.values.reversed())
        case .function(_, let argument): work.append(argument)
        case .string, .text, .int, .bool, .ref, .getAtt: break
        }
    }

    /// How many levels of lists and maps the value takes when written as JSON: a scalar is
    /// 0, `[1]` is 1, and intrinsic functions count the maps and lists they become
    /// (`{"Ref": …}` is 1, `{"Fn::GetAtt": [id, attribute]}` 2, `{"Fn::Join": [d, […]]}` 3
    /// around its items). YAML's short forms never take more.
    ///
    /// Measured with an explicit stack instead of recursion, so any depth is safe to measure;
    /// everything else that walks values recurses, which is why ``NestingCheck`` runs first.
    public var nestingDepth: Int {
        nestingDepth(stoppingAbove: .max)
    }

    /// Whether the value nests more than `limit` levels (see ``nestingDepth``). Stops at the
    /// first path deeper than `limit`.
    public func nests(deeperThan limit: Int) -> Bool {
        nestingDepth(stoppingAbove: limit) > limit
    }

    /// The nesting depth, or the first depth found above `limit`.
    private func nestingDepth(stoppingAbove limit: Int) -> Int {
        // Each entry: a value and the number of lists and maps around it.
        var pending: [(value: Value, around: Int)] = [(self, 0)]
        var deepest = 0
        while let (value, around) = pending.popLast() {
            let depth: Int
            switch value {
            case .string, .text, .int, .bool:
                depth = around
            case .list(let items):
                depth = around + 1
                for item in items { pending.append((item, depth)) }
            case .map(let map):
                depth = around + 1
                for item in map.values { pending.append((item, depth)) }
            case .ref:
                depth = around + 1  // {"Ref": id}
            case .getAtt:
                depth = around + 2  // {"Fn::GetAtt": [id, attribute]}
            case .sub(_, let variables):
                // {"Fn::Sub": template} or {"Fn::Sub": [template, {variables}]}
                depth = around + (variables.isEmpty ? 1 : 3)
                for item in variables.values { pending.append((item, depth)) }
            case .join(_, let items):
                depth = around + 3  // {"Fn::Join": [delimiter, [items]]}
                for item in items { pending.append((item, depth)) }
            case .function(_, let argument):
                depth = around + 1  // {name: argument}
                pending.append((argument, depth))
            }
            deepest = max(deepest, depth)
            if deepest > limit { return deepest }
        }
        return deepest
    }
}
