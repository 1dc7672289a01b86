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
        try Emitter.emit(node(value))
    }

    /// The YAML node tree for `value`; throws ``RenderError/tooDeep(limit:)`` for a value
    /// nested deeper than ``RenderError/depthLimit``.
    public func node(_ value: Value) throws(RenderError) -> Node {
        // Measured without recursing; building the node tree recurses once per level.
        guard !value.nests(deeperThan: RenderError.depthLimit) else {
            throw .tooDeep(limit: RenderError.depthLimit)
        }
        return build(value)
    }

    private func build(_ value: Value) -> Node {
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
            return .sequence(Node.Sequence(items.map(build)))
        case .map(let map):
            return .mapping(Node.Mapping(map.map { Node.Mapping.Pair(.string($0.key), build($0.value)) }))
        case .ref(let id):
            return .tagged("!Ref", id)
        case .getAtt(let id, let attribute):
            return .tagged("!GetAtt", "\(id).\(attribute)")
        case .sub(let template, let variables):
            if variables.isEmpty { return .tagged("!Sub", template) }
            return intrinsic("Fn::Sub", .list([.string(template), .map(variables)]))
        case .join(let delimiter, let items):
            return intrinsic("Fn::Join", .list([.string(delimiter), .list(items)]))
        case .function(let name, let argument):
            return intrinsic(name, argument)
        }
    }

    /// `!Name argument` when the argument carries no tag of its own, `Fn::Name: argument`
    /// otherwise.
    private func intrinsic(_ name: String, _ argument: Value) -> Node {
        let argumentNode = build(argument)
        guard argumentNode.tag == nil else {
            return .mapping(Node.Mapping([Node.Mapping.Pair(.string(name), argumentNode)]))
        }
        let tag = Tag("!" + (name.hasPrefix("Fn::") ? String(name.dropFirst(4)) : name))
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
