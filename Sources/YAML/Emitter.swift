internal import CLibYAML

/// Writes nodes as YAML text with libyaml.
///
/// Output is block style (unless a collection asks for flow), indented by two spaces, never
/// folded, UTF-8 without escaping non-ASCII text that libyaml considers printable, with `\n`
/// line breaks and without `---` or `...` around a single document.
public final class Emitter {
    /// The libyaml emitter, at a stable address: libyaml keeps pointers into it.
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    /// The one event being handed over, reused for every event: building events in place
    /// spares an allocation and a copy of each scalar's text.
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// Bytes written so far by libyaml's output handler.
    private var output: [UInt8] = []
    /// Whether a text starting with a digit, sign or dot needs quotes: the resolver matches
    /// those with regular expressions, and a template repeats the same few (dates, numbers).
    private var numericQuoting: [String: Bool] = [:]
    /// The sequences and mappings open around the next event of ``emit(writing:)``.
    private var openCollections = 0

    private init() throws(YAMLError) {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw YAMLError("could not initialize the YAML emitter (out of memory)")
        }
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
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
        // Empty: libyaml took the contents of every event it was handed.
        event.deinitialize(count: 1)
        event.deallocate()
    }

    /// The YAML text of one document; it ends with exactly one newline.
    public static func emit(_ node: Node) throws(YAMLError) -> String {
        try emit(documents: [node])
    }

    /// The YAML text of several documents; every document after the first starts with `---`.
    /// No documents give the empty string.
    public static func emit(documents: [Node]) throws(YAMLError) -> String {
        let emitter = try Emitter()
        try emitter.send("STREAM-START") { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
        for document in documents {
            // Without `---` (libyaml still writes it for every document but the first) or `...`.
            try emitter.send("DOCUMENT-START") { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
            try emitter.emitNode(document, depth: 0)
            try emitter.send("DOCUMENT-END") { yaml_document_end_event_initialize($0, 1) }
        }
        try emitter.send("STREAM-END") { yaml_stream_end_event_initialize($0) }
        return String(decoding: emitter.output, as: UTF8.self)
    }

    /// The YAML text of one document whose nodes `write` sends event by event, with
    /// ``scalar(_:)``, ``beginSequence(tag:flow:)``, ``endSequence()``,
    /// ``beginMapping(tag:flow:)`` and ``endMapping()``: for a tree of another kind, written
    /// without building a `Node` tree first. It ends with exactly one newline.
    ///
    /// Nesting deeper than the parser reads (``Parser/maxDepth``) is refused, as ``emit(_:)``
    /// refuses it; so is a document left with a sequence or mapping open.
    public static func emit(writing write: (Emitter) throws -> Void) throws -> String {
        let emitter = try Emitter()
        try emitter.send("STREAM-START") { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
        try emitter.send("DOCUMENT-START") { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
        try write(emitter)
        guard emitter.openCollections == 0 else { throw YAMLError("cannot end the document: a sequence or mapping is still open") }
        try emitter.send("DOCUMENT-END") { yaml_document_end_event_initialize($0, 1) }
        try emitter.send("STREAM-END") { yaml_stream_end_event_initialize($0) }
        return String(decoding: emitter.output, as: UTF8.self)
    }

    /// Writes `scalar` as ``emit(_:)`` writes it in a tree (``emit(writing:)`` only).
    public func scalar(_ scalar: Node.Scalar) throws(YAMLError) {
        try emitScalar(scalar)
    }

    /// Opens a sequence whose items follow, up to ``endSequence()`` (``emit(writing:)`` only).
    public func beginSequence(tag: Tag? = nil, flow: Bool = false) throws(YAMLError) {
        try enterCollection()
        let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
        try send("SEQUENCE-START", tag: tag?.name) { event, tag in
            yaml_sequence_start_event_initialize(event, nil, tag, tag == nil ? 1 : 0, style)
        }
    }

    public func endSequence() throws(YAMLError) {
        openCollections -= 1
        try send("SEQUENCE-END") { yaml_sequence_end_event_initialize($0) }
    }

    /// Opens a mapping whose keys and values follow in turn, up to ``endMapping()``
    /// (``emit(writing:)`` only).
    public func beginMapping(tag: Tag? = nil, flow: Bool = false) throws(YAMLError) {
        try enterCollection()
        let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
        try send("MAPPING-START", tag: tag?.name) { event, tag in
            yaml_mapping_start_event_initialize(event, nil, tag, tag == nil ? 1 : 0, style)
        }
    }

    public func endMapping() throws(YAMLError) {
        openCollections -= 1
        try send("MAPPING-END") { yaml_mapping_end_event_initialize($0) }
    }

    /// One more collection open, within the depth ``emitNode(_:depth:)`` allows.
    private func enterCollection() throws(YAMLError) {
        guard openCollections < Parser.maxDepth else { throw Self.tooDeep }
        openCollections += 1
    }

    private static var tooDeep: YAMLError {
        YAMLError("cannot write nesting deeper than \(Parser.maxDepth) levels, the most the parser reads")
    }

    // MARK: - Events

    /// Sends the events of `node`, which sits in `depth` sequences and mappings. Nesting
    /// deeper than the parser reads (``Parser/maxDepth``) is refused: it could not be read
    /// back, and the recursion here stays as shallow.
    private func emitNode(_ node: Node, depth: Int) throws(YAMLError) {
        if case .scalar(let scalar) = node {
            try emitScalar(scalar)
            return
        }
        guard depth < Parser.maxDepth else { throw Self.tooDeep }
        switch node {
        case .scalar:
            break
        case .sequence(let sequence):
            let style = sequence.flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            try send("SEQUENCE-START", tag: sequence.tag?.name) { event, tag in
                yaml_sequence_start_event_initialize(event, nil, tag, tag == nil ? 1 : 0, style)
            }
            for item in sequence.items { try emitNode(item, depth: depth + 1) }
            try send("SEQUENCE-END") { yaml_sequence_end_event_initialize($0) }
        case .mapping(let mapping):
            let style = mapping.flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            try send("MAPPING-START", tag: mapping.tag?.name) { event, tag in
                yaml_mapping_start_event_initialize(event, nil, tag, tag == nil ? 1 : 0, style)
            }
            for pair in mapping.pairs {
                try emitNode(pair.key, depth: depth + 1)
                try emitNode(pair.value, depth: depth + 1)
            }
            try send("MAPPING-END") { yaml_mapping_end_event_initialize($0) }
        }
    }

    /// Sends the scalar event that writes `scalar` so it reads back the same.
    private func emitScalar(_ scalar: Node.Scalar) throws(YAMLError) {
        let value = scalar.value
        if let tag = scalar.tag {
            // Both implicit flags off, or libyaml drops the tag (or writes `!<...>`).
            let style = scalar.style == .any ? Self.anyStyle(value) : Self.libyamlStyle(scalar.style, value)
            return try sendScalar(value, tag: tag.name, plainImplicit: false, quotedImplicit: false, style: style)
        }
        switch scalar.style {
        case .any:
            if needsQuotes(value) {
                return try sendScalar(
                    value, tag: nil, plainImplicit: false, quotedImplicit: true,
                    style: YAML_DOUBLE_QUOTED_SCALAR_STYLE)
            }
            // With quoted_implicit set, libyaml adds no `!` tag when it quotes plain-unsafe text.
            return try sendScalar(
                value, tag: nil, plainImplicit: true, quotedImplicit: true, style: Self.anyStyle(value))
        case .plain:
            return try sendScalar(
                value, tag: nil, plainImplicit: true, quotedImplicit: true, style: YAML_PLAIN_SCALAR_STYLE)
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            return try sendScalar(
                value, tag: nil, plainImplicit: false, quotedImplicit: true,
                style: Self.libyamlStyle(scalar.style, value))
        }
    }

    /// ``Resolver/needsQuotes(_:)``, remembered for the texts it matches with regular expressions.
    private func needsQuotes(_ value: String) -> Bool {
        switch value.utf8.first ?? 0 {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let known = numericQuoting[value] { return known }
            let quoted = Resolver.needsQuotes(value)
            numericQuoting[value] = quoted
            return quoted
        default:
            return Resolver.needsQuotes(value)
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
        // Every line break starts with one of these bytes in UTF-8 (U+0085 with 0xC2, U+2028
        // and U+2029 with 0xE2): most text has none and is settled in one pass over its bytes.
        // Scanned in memory: iterating `utf8` costs several times as much per byte.
        let breakFree = value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }
        }
        guard breakFree != true else { return false }
        return value.unicodeScalars.contains { isLineBreak($0) }
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

    /// Builds the event `name` in place with `initialize` (which fails on invalid UTF-8 or
    /// lack of memory) and hands it to libyaml, which owns its contents from then on.
    private func send(_ name: StaticString, _ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) throws(YAMLError) {
        guard initialize(event) != 0 else {
            throw YAMLError("could not create a \(name) event (invalid UTF-8 or out of memory)")
        }
        let ok = yaml_emitter_emit(emitter, event)
        // libyaml has taken (or, on failure, freed) the contents: nothing is left to free.
        event.pointee = yaml_event_t()
        guard ok != 0 else { throw error() }
    }

    /// ``send(_:_:)`` with `tag` as a NUL-terminated `yaml_char_t` string, or nil.
    private func send(
        _ name: StaticString, tag: String?,
        _ initialize: (UnsafeMutablePointer<yaml_event_t>, UnsafePointer<yaml_char_t>?) -> Int32
    ) throws(YAMLError) {
        try send(name) { event in
            guard let tag else { return initialize(event, nil) }
            return tag.withCString { initialize(event, UnsafeRawPointer($0).assumingMemoryBound(to: yaml_char_t.self)) }
        }
    }

    /// Sends a scalar event; libyaml copies the text (it needs no terminating NUL: it is
    /// given the length).
    private func sendScalar(
        _ value: String, tag: String?, plainImplicit: Bool, quotedImplicit: Bool, style: yaml_scalar_style_t
    ) throws(YAMLError) {
        var value = value
        // libyaml takes the length as an Int32; refuse rather than truncate.
        guard let length = Int32(exactly: value.utf8.count) else {
            throw YAMLError("scalar of \(value.utf8.count) bytes is too long to write")
        }
        try send("SCALAR", tag: tag) { event, tag in
            value.withUTF8 { bytes in
                var empty: yaml_char_t = 0
                return withUnsafePointer(to: &empty) { empty in
                    yaml_scalar_event_initialize(
                        event, nil, tag, bytes.baseAddress ?? empty, length,
                        plainImplicit ? 1 : 0, quotedImplicit ? 1 : 0, style)
                }
            }
        }
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
