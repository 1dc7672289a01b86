import YAML

/// Renders a value tree as YAML through libyaml, with intrinsic functions as short-form tags
/// (`!Ref X`, `!GetAtt X.Arn`, `!Sub …`, `!Join […]`).
///
/// A YAML node carries one tag, so where an intrinsic's argument is itself written with a tag
/// (`Fn::Base64` of a `!Sub`), the outer function is written in long form
/// (`Fn::Base64: !Sub …`).
public struct YAMLRenderer: Sendable {
    public init() {}

    /// The YAML text of `value`, ending in one newline.
    ///
    /// Throws ``RenderError/tooDeep(limit:)`` for a value nested deeper than
    /// ``RenderError/depthLimit`` (measured as JSON nests it, so both renderers refuse the
    /// same values), and `YAMLError` if libyaml fails.
    public func render(_ value: Value) throws -> String {
        // Event by event, as `node(_:)` would build the tree and the emitter walk it: a large
        // template is written without a second tree in memory.
        try Emitter.emit { emitter in try write(value, around: 0, tag: nil, to: emitter) }
    }

    /// The YAML node tree for `value`; throws ``RenderError/tooDeep(limit:)`` for a value
    /// nested deeper than ``RenderError/depthLimit``.
    public func node(_ value: Value) throws(RenderError) -> Node {
        try build(value, around: 0)
    }

    /// The node for `value`, which JSON would write inside `around` arrays and objects.
    /// Depth is counted as JSON nests (``Value/nestingDepth``), so both renderers refuse the
    /// same values; every level is checked before the recursion goes down it.
    private func build(_ value: Value, around: Int) throws(RenderError) -> Node {
        switch value {
        case .string(let string):
            return .string(string)
        case .text(let text):
            return .string(text.description)
        case .int(let int):
            return .int(int)
        case .bool(let bool):
            return .bool(bool)
        case .list(let items):
            let inside = try Self.enter(around)
            var nodes: [Node] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try build(item, around: inside)) }
            return .sequence(Node.Sequence(nodes))
        case .map(let map):
            let inside = try Self.enter(around)
            var pairs: [Node.Mapping.Pair] = []
            pairs.reserveCapacity(map.count)
            for (key, item) in map { pairs.append(Node.Mapping.Pair(.string(key), try build(item, around: inside))) }
            return .mapping(Node.Mapping(pairs))
        case .ref(let id):
            _ = try Self.enter(around)  // {"Ref": id}
            return .tagged("!Ref", id)
        case .getAtt(let id, let attribute):
            _ = try Self.enter(Self.enter(around))  // {"Fn::GetAtt": [id, attribute]}
            return .tagged("!GetAtt", "\(id).\(attribute)")
        case .sub(let template, let variables):
            if variables.isEmpty {
                _ = try Self.enter(around)  // {"Fn::Sub": template}
                return .tagged("!Sub", template)
            }
            return try intrinsic("Fn::Sub", .list([.string(template), .map(variables)]), around: around)
        case .join(let delimiter, let items):
            return try intrinsic("Fn::Join", .list([.string(delimiter), .list(items)]), around: around)
        case .function(let name, let argument):
            return try intrinsic(name, argument, around: around)
        }
    }

    /// Writes the events of `value`'s node, which JSON would write inside `around` arrays and
    /// objects, with `tag` on it (the tag of an intrinsic whose argument `value` is; only
    /// given when `value`'s own node has none).
    private func write(_ value: Value, around: Int, tag: Tag?, to emitter: Emitter) throws {
        switch value {
        case .string(let string):
            try emitter.scalar(Node.Scalar(string, tag: tag))
        case .text(let text):
            try emitter.scalar(Node.Scalar(text.description, tag: tag))
        case .int(let int):
            try emitter.scalar(Node.Scalar(String(int), tag: tag, style: .plain))
        case .bool(let bool):
            try emitter.scalar(Node.Scalar(bool ? "true" : "false", tag: tag, style: .plain))
        case .list(let items):
            let inside = try Self.enter(around)
            try emitter.beginSequence(tag: tag)
            for item in items { try write(item, around: inside, tag: nil, to: emitter) }
            try emitter.endSequence()
        case .map(let map):
            let inside = try Self.enter(around)
            try emitter.beginMapping(tag: tag)
            for (key, item) in map {
                try emitter.scalar(Node.Scalar(key))
                try write(item, around: inside, tag: nil, to: emitter)
            }
            try emitter.endMapping()
        case .ref(let id):
            _ = try Self.enter(around)  // {"Ref": id}
            try emitter.scalar(Node.Scalar(id, tag: Tag("!Ref")))
        case .getAtt(let id, let attribute):
            _ = try Self.enter(Self.enter(around))  // {"Fn::GetAtt": [id, attribute]}
            try emitter.scalar(Node.Scalar("\(id).\(attribute)", tag: Tag("!GetAtt")))
        case .sub(let template, let variables):
            if variables.isEmpty {
                _ = try Self.enter(around)  // {"Fn::Sub": template}
                try emitter.scalar(Node.Scalar(template, tag: Tag("!Sub")))
            } else {
                try writeIntrinsic("Fn::Sub", .list([.string(template), .map(variables)]), around: around, to: emitter)
            }
        case .join(let delimiter, let items):
            try writeIntrinsic("Fn::Join", .list([.string(delimiter), .list(items)]), around: around, to: emitter)
        case .function(let name, let argument):
            try writeIntrinsic(name, argument, around: around, to: emitter)
        }
    }

    /// ``intrinsic(_:_:around:)``, written as events.
    private func writeIntrinsic(_ name: String, _ argument: Value, around: Int, to emitter: Emitter) throws {
        let inside = try Self.enter(around)
        guard !Self.isTagged(argument) else {
            try emitter.beginMapping()
            try emitter.scalar(Node.Scalar(name))
            try write(argument, around: inside, tag: nil, to: emitter)
            try emitter.endMapping()
            return
        }
        try write(argument, around: inside, tag: Self.tag(of: name), to: emitter)
    }

    /// Whether `value`'s node carries a tag, as ``build(_:around:)`` makes it.
    private static func isTagged(_ value: Value) -> Bool {
        var value = value
        // An intrinsic is tagged unless its argument is: follow nested `.function`s in a loop.
        var tagged = true
        while true {
            switch value {
            case .string, .text, .int, .bool, .list, .map: return !tagged
            // `.sub` and `.join` are tagged either way: with `!Sub`, or as intrinsics of a list.
            case .ref, .getAtt, .sub, .join: return tagged
            case .function(_, let argument):
                tagged.toggle()
                value = argument
            }
        }
    }

    /// `!Name` for the intrinsic `Fn::Name` (or `Name`).
    private static func tag(of name: String) -> Tag {
        Tag("!" + (name.hasPrefix("Fn::") ? String(name.dropFirst(4)) : name))
    }

    /// The depth inside one more array or object, if the limit allows it.
    private static func enter(_ around: Int) throws(RenderError) -> Int {
        guard around < RenderError.depthLimit else { throw .tooDeep(limit: RenderError.depthLimit) }
        return around + 1
    }

    /// `!Name argument` when the argument carries no tag of its own, `Fn::Name: argument`
    /// otherwise. The argument is counted one level down, inside JSON's `{"Fn::Name": …}`.
    private func intrinsic(_ name: String, _ argument: Value, around: Int) throws(RenderError) -> Node {
        let argumentNode = try build(argument, around: Self.enter(around))
        guard argumentNode.tag == nil else {
            return .mapping(Node.Mapping([Node.Mapping.Pair(.string(name), argumentNode)]))
        }
        let tag = Self.tag(of: name)
        switch argumentNode {
        case .scalar(var scalar):
            scalar.tag = tag
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = tag
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = tag
            return .mapping(mapping)
        }
    }
}
