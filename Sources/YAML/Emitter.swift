internal import CLibYAML

/// Writes nodes as YAML text with libyaml.
///
/// Output is block style (unless a collection asks for flow), indented by two spaces, never
/// folded, UTF-8 without escaping non-ASCII text that libyaml considers printable, with `\n`
/// line breaks and without `---` or `...` around a single document.
public final class Emitter {
    /// The libyaml emitter, at a stable address: libyaml keeps pointers into it.
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    /// Bytes written so far by libyaml's output handler.
    private var output: [UInt8] = []

    private init() throws(YAMLError) {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw YAMLError("could not initialize the YAML emitter (out of memory)")
        }
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        // Unretained: the handler only runs during `emit`, while this object is alive.
        let context = Unmanaged.passUnretained(self).toOpaque()
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context else { return 0 }
            let emitter = Unmanaged<Emitter>.fromOpaque(context).takeUnretainedValue()
            if let buffer, size > 0 {
                emitter.output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            }
            return 1
        }, context)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// The YAML text of one document; it ends with exactly one newline.
    public static func emit(_ node: Node) throws(YAMLError) -> String {
        try emit(documents: [node])
    }

    /// The YAML text of several documents; every document after the first starts with `---`.
    /// No documents give the empty string.
    public static func emit(documents: [Node]) throws(YAMLError) -> String {
        let emitter = try Emitter()
        try emitter.send(.streamStart())
        for document in documents {
            try emitter.send(.documentStart())
            try emitter.emitNode(document, depth: 0)
            try emitter.send(.documentEnd())
        }
        try emitter.send(.streamEnd())
        return String(decoding: emitter.output, as: UTF8.self)
    }

    // MARK: - Events

    /// Sends the events of `node`, which sits in `depth` sequences and mappings. Nesting
    /// deeper than the parser reads (``Parser/maxDepth``) is refused: it could not be read
    /// back, and the recursion here stays as shallow.
    private func emitNode(_ node: Node, depth: Int) throws(YAMLError) {
        if case .scalar(let scalar) = node {
            try send(Self.scalarEvent(scalar))
            return
        }
        guard depth < Parser.maxDepth else {
            throw YAMLError("cannot write nesting deeper than \(Parser.maxDepth) levels, the most the parser reads")
        }
        switch node {
        case .scalar:
            break
        case .sequence(let sequence):
            try send(.sequenceStart(tag: sequence.tag?.name, flow: sequence.flow))
            for item in sequence.items { try emitNode(item, depth: depth + 1) }
            try send(.sequenceEnd())
        case .mapping(let mapping):
            try send(.mappingStart(tag: mapping.tag?.name, flow: mapping.flow))
            for pair in mapping.pairs {
                try emitNode(pair.key, depth: depth + 1)
                try emitNode(pair.value, depth: depth + 1)
            }
            try send(.mappingEnd())
        }
    }

    /// The scalar event that writes `scalar` so it reads back the same.
    private static func scalarEvent(_ scalar: Node.Scalar) throws(YAMLError) -> Event {
        let value = scalar.value
        if let tag = scalar.tag {
            // Both implicit flags off, or libyaml drops the tag (or writes `!<...>`).
            let style = scalar.style == .any ? anyStyle(value) : libyamlStyle(scalar.style, value)
            return try .scalar(value, tag: tag.name, plainImplicit: false, quotedImplicit: false, style: style)
        }
        switch scalar.style {
        case .any:
            if Resolver.needsQuotes(value) {
                return try .scalar(
                    value, tag: nil, plainImplicit: false, quotedImplicit: true,
                    style: YAML_DOUBLE_QUOTED_SCALAR_STYLE)
            }
            // With quoted_implicit set, libyaml adds no `!` tag when it quotes plain-unsafe text.
            return try .scalar(
                value, tag: nil, plainImplicit: true, quotedImplicit: true, style: anyStyle(value))
        case .plain:
            return try .scalar(
                value, tag: nil, plainImplicit: true, quotedImplicit: true, style: YAML_PLAIN_SCALAR_STYLE)
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            return try .scalar(
                value, tag: nil, plainImplicit: false, quotedImplicit: true,
                style: libyamlStyle(scalar.style, value))
        }
    }

    /// The style asked of libyaml for a string whose plain form resolves to a string.
    ///
    /// Plain for one line: libyaml quotes it itself when the text cannot be plain (indicators,
    /// ` #`, `: `, leading or trailing spaces, unprintable characters). Multi-line text is a
    /// literal block when that reads back exactly, else double-quoted with escapes (libyaml's
    /// multi-line single quotes rely on line folding, which is easy to get wrong).
    private static func anyStyle(_ value: String) -> yaml_scalar_style_t {
        if !hasLineBreak(value) { return YAML_PLAIN_SCALAR_STYLE }
        return isBlockSafe(value) ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
    }

    private static func libyamlStyle(_ style: Node.Scalar.Style, _ value: String) -> yaml_scalar_style_t {
        switch style {
        case .any, .plain: return YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal:
            return isBlockSafe(value) ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .folded:
            return isBlockSafe(value) ? YAML_FOLDED_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
    }

    /// Whether `value` holds a character libyaml treats as a line break.
    private static func hasLineBreak(_ value: String) -> Bool {
        value.unicodeScalars.contains { isLineBreak($0) }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Text libyaml writes correctly in a block scalar without ending the document with `...`.
    ///
    /// libyaml itself falls back to double quotes for trailing spaces, spaces before a line
    /// break and unprintable characters (tabs included); this excludes what it does not check.
    private static func isBlockSafe(_ value: String) -> Bool {
        for scalar in value.unicodeScalars where scalar != "\n" && isLineBreak(scalar) {
            // libyaml copies these line breaks as they are, and a reader turns them into `\n`.
            return false
        }
        // Keeping two or more final line breaks needs the `+` indicator, after which libyaml
        // ends the stream with `...`.
        return !value.hasSuffix("\n\n") && value != "\n"
    }

    // MARK: - libyaml

    /// Hands `event` to libyaml, which owns its contents from here on.
    private func send(_ event: Event) throws(YAMLError) {
        let ok = yaml_emitter_emit(emitter, event.pointer)
        event.relinquish()
        guard ok != 0 else { throw error() }
    }

    private func error() -> YAMLError {
        let problem = emitter.pointee.problem.map { String(cString: $0) }
        switch emitter.pointee.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory while writing YAML")
        default:
            return YAMLError("could not write YAML: \(problem ?? "unknown libyaml emitter error")")
        }
    }
}
