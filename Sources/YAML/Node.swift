/// A YAML value tree: scalars, sequences and mappings whose pairs keep their order.
///
/// Nodes compare by what a YAML 1.1 reader would load from them: the tag, the text, the
/// items and the pairs in order. Presentation (quoting style, flow or block) and source
/// marks are ignored, except that an untagged plain scalar is compared by its resolved
/// kind, so the plain scalar `60` (an integer) differs from the string `"60"`.
public enum Node: Hashable, Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// A string: written so that a YAML 1.1 reader reads it back as this exact string.
    public static func string(_ value: String) -> Node {
        .scalar(Scalar(value))
    }

    /// An integer, written plain.
    public static func int(_ value: Int) -> Node {
        .scalar(Scalar(String(value), style: .plain))
    }

    /// A boolean, written plain as `true` or `false`.
    public static func bool(_ value: Bool) -> Node {
        .scalar(Scalar(value ? "true" : "false", style: .plain))
    }

    /// A scalar with a local tag, for example `tagged("!Ref", "Queue")` for `!Ref Queue`.
    public static func tagged(_ tag: String, _ value: String) -> Node {
        .scalar(Scalar(value, tag: Tag(tag)))
    }

    /// The tag on this node, if any.
    public var tag: Tag? {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .sequence(let sequence): sequence.tag
        case .mapping(let mapping): mapping.tag
        }
    }

    /// Where the parser found this node; `nil` for nodes built in code.
    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    /// The scalar's text, or `nil` when this is not a scalar.
    public var scalarValue: String? {
        if case .scalar(let scalar) = self { return scalar.value }
        return nil
    }

    /// The value for a string key when this is a mapping.
    public subscript(key: String) -> Node? {
        if case .mapping(let mapping) = self { return mapping[key] }
        return nil
    }

    // Equality and hashing walk the trees with an explicit stack instead of recursing, so
    // a node built in code deeper than any parser would read cannot overflow the stack.

    public static func == (lhs: Node, rhs: Node) -> Bool {
        var pending: [(Node, Node)] = [(lhs, rhs)]
        while let (left, right) = pending.popLast() {
            switch (left, right) {
            case (.scalar(let a), .scalar(let b)):
                guard a == b else { return false }
            case (.sequence(let a), .sequence(let b)):
                guard a.tag == b.tag, a.items.count == b.items.count else { return false }
                pending.append(contentsOf: zip(a.items, b.items))
            case (.mapping(let a), .mapping(let b)):
                guard a.tag == b.tag, a.pairs.count == b.pairs.count else { return false }
                for (x, y) in zip(a.pairs, b.pairs) {
                    pending.append((x.key, y.key))
                    pending.append((x.value, y.value))
                }
            default:
                return false
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var pending: [Node] = [self]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                hasher.combine(0)
                hasher.combine(scalar)
            case .sequence(let sequence):
                hasher.combine(1)
                hasher.combine(sequence.tag)
                hasher.combine(sequence.items.count)
                pending.append(contentsOf: sequence.items.reversed())
            case .mapping(let mapping):
                hasher.combine(2)
                hasher.combine(mapping.tag)
                hasher.combine(mapping.pairs.count)
                for pair in mapping.pairs.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
    }
}

/// A tag such as `!Ref`, `!GetAtt` or `tag:yaml.org,2002:str`.
public struct Tag: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The tag as it is written after resolving handles: `!Ref` keeps its leading `!`.
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
}

/// A position in YAML source text, 1-based.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

extension Node {
    /// A scalar: text with an optional tag and a presentation style.
    public struct Scalar: Hashable, Sendable {
        /// How a scalar is written.
        public enum Style: Hashable, Sendable {
            /// A string: the emitter writes it plain when a YAML 1.1 reader would read the
            /// plain text back as the same string, and double-quoted otherwise.
            case any
            /// Written plain as it is, so the reader resolves it (`60`, `true`, `null`).
            /// Text that cannot be written plain at all is still quoted by libyaml.
            case plain
            case singleQuoted
            case doubleQuoted
            case literal
            case folded
        }

        public var value: String
        public var tag: Tag?
        public var style: Style
        public var mark: Mark?

        public init(_ value: String, tag: Tag? = nil, style: Style = .any, mark: Mark? = nil) {
            self.value = value
            self.tag = tag
            self.style = style
            self.mark = mark
        }

        /// What a YAML 1.1 reader loads this scalar as when it has no tag: a plain
        /// scalar is resolved from its text, every other style is a string.
        public var resolvedKind: ScalarKind {
            if tag != nil { return .tagged }
            switch style {
            case .plain: return Resolver.kind(ofPlain: value)
            default: return .string
            }
        }

        public static func == (lhs: Scalar, rhs: Scalar) -> Bool {
            lhs.value == rhs.value && lhs.tag == rhs.tag && lhs.resolvedKind == rhs.resolvedKind
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(value)
            hasher.combine(tag)
            hasher.combine(resolvedKind)
        }
    }

    /// A sequence of nodes.
    public struct Sequence: Hashable, Sendable {
        public var items: [Node]
        public var tag: Tag?
        /// Written in flow style (`[a, b]`) instead of block style.
        public var flow: Bool
        public var mark: Mark?

        public init(_ items: [Node], tag: Tag? = nil, flow: Bool = false, mark: Mark? = nil) {
            self.items = items
            self.tag = tag
            self.flow = flow
            self.mark = mark
        }

        public static func == (lhs: Sequence, rhs: Sequence) -> Bool {
            lhs.items == rhs.items && lhs.tag == rhs.tag
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(items)
            hasher.combine(tag)
        }
    }

    /// A mapping whose pairs keep the order they were added or read in.
    public struct Mapping: Hashable, Sendable {
        /// One key and its value.
        public struct Pair: Hashable, Sendable {
            public var key: Node
            public var value: Node

            public init(_ key: Node, _ value: Node) {
                self.key = key
                self.value = value
            }
        }

        public var pairs: [Pair]
        public var tag: Tag?
        /// Written in flow style (`{a: b}`) instead of block style.
        public var flow: Bool
        public var mark: Mark?

        public init(_ pairs: [Pair] = [], tag: Tag? = nil, flow: Bool = false, mark: Mark? = nil) {
            self.pairs = pairs
            self.tag = tag
            self.flow = flow
            self.mark = mark
        }

        /// A mapping with string keys, in the given order.
        public init(_ pairs: KeyValuePairs<String, Node>, tag: Tag? = nil) {
            self.init(pairs.map { Pair(.string($0.key), $0.value) }, tag: tag)
        }

        /// The value of the first pair whose key is the scalar `key`.
        public subscript(key: String) -> Node? {
            pairs.first { $0.key.scalarValue == key }?.value
        }

        /// Adds a pair at the end.
        public mutating func append(_ key: String, _ value: Node) {
            pairs.append(Pair(.string(key), value))
        }

        public static func == (lhs: Mapping, rhs: Mapping) -> Bool {
            lhs.pairs == rhs.pairs && lhs.tag == rhs.tag
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(pairs)
            hasher.combine(tag)
        }
    }
}

/// The kind a YAML 1.1 reader resolves an untagged scalar to.
public enum ScalarKind: Hashable, Sendable {
    case string, null, bool, int, float, timestamp, merge, value
    /// The scalar carries an explicit tag; its tag decides.
    case tagged
}
