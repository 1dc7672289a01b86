internal import CLibYAML

/// Reads YAML text into nodes with libyaml, keeping tags, scalar styles, flow style and
/// 1-based positions.
///
/// Aliases are replaced by the node their anchor names. Duplicate mapping keys, aliases to
/// unknown anchors, nesting deeper than `maxDepth` and more than `maxNodes` nodes (alias
/// bombs) are errors. Every error is a `YAMLError` with a position and the source line.
public final class Parser {
    /// The most nodes one document may expand to, counting every copy an alias makes.
    public static let maxNodes = 1_000_000
    /// The deepest nesting of sequences and mappings accepted. The emitter writes no deeper,
    /// and code that processes nodes recursively can rely on it.
    public static let maxDepth = 512

    /// The libyaml parser, at a stable address: libyaml keeps pointers into it.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The input, which libyaml reads in place while parsing.
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// Bytes of input (the buffer has one spare byte when the input is empty).
    private let inputCount: Int
    private let path: String?
    /// Completed anchored nodes of the current document and how many nodes each holds.
    private var anchors: [String: (node: Node, count: Int)] = [:]
    /// Nodes produced for the current document, alias copies included.
    private var nodeCount = 0

    private init(bytes: [UInt8], path: String?) throws(YAMLError) {
        self.path = path
        // libyaml skips a byte order mark only while detecting the encoding, and that
        // detection would also accept UTF-16; the encoding is set to UTF-8 instead, so a
        // UTF-8 mark is dropped here.
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        // At least one byte, so the buffer has an address even for empty input.
        input = .allocate(capacity: max(text.count, 1))
        input.initialize(repeating: 0)
        _ = input.update(fromContentsOf: text)
        inputCount = text.count
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            input.deallocate()
            throw YAMLError("could not initialize the YAML parser (out of memory)", path: path)
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, inputCount)
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    // MARK: - API

    /// Parses text that holds exactly one document.
    ///
    /// Empty text (or only comments) gives an empty plain scalar, which reads as null. A
    /// second document is an error at its start.
    /// - Parameter path: named in errors; the text is not read from it.
    public static func parse(_ text: String, path: String? = nil) throws(YAMLError) -> Node {
        try parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses UTF-8 bytes that hold exactly one document; invalid UTF-8 is an error.
    public static func parse(bytes: [UInt8], path: String? = nil) throws(YAMLError) -> Node {
        let parser = try Parser(bytes: bytes, path: path)
        let documents = try parser.parseStream(single: true)
        return documents.first ?? .scalar(Node.Scalar("", style: .plain, mark: Mark(line: 1, column: 1)))
    }

    /// Parses a stream of any number of documents (none for empty text).
    public static func parseAll(_ text: String, path: String? = nil) throws(YAMLError) -> [Node] {
        try parseAll(bytes: Array(text.utf8), path: path)
    }

    /// Parses UTF-8 bytes holding any number of documents.
    public static func parseAll(bytes: [UInt8], path: String? = nil) throws(YAMLError) -> [Node] {
        try Parser(bytes: bytes, path: path).parseStream(single: false)
    }

    // MARK: - Documents

    private func parseStream(single: Bool) throws(YAMLError) -> [Node] {
        let start = try nextEvent()
        guard start.type == YAML_STREAM_START_EVENT else {
            throw error("expected the start of the stream", at: start.startMark)
        }
        var documents: [Node] = []
        while true {
            let event = try nextEvent()
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                if single && !documents.isEmpty {
                    throw error(
                        "expected a single document, found the start of another one",
                        at: event.startMark)
                }
                documents.append(try parseDocument())
            default:
                throw error("expected a document", at: event.startMark)
            }
        }
    }

    /// A collection being read: its items (or pairs) so far.
    private struct Frame {
        var isMapping: Bool
        var tag: Tag?
        var flow: Bool
        var mark: Mark
        var anchor: String?
        var items: [Node] = []
        var pairs: [Node.Mapping.Pair] = []
        /// The key read, waiting for its value.
        var pendingKey: Node?
        /// Where each key of this mapping is.
        var keyMarks: [Node: Mark] = [:]
        /// Nodes in this collection so far, itself included.
        var count = 1

        var node: Node {
            isMapping
                ? .mapping(Node.Mapping(pairs, tag: tag, flow: flow, mark: mark))
                : .sequence(Node.Sequence(items, tag: tag, flow: flow, mark: mark))
        }
    }

    /// Reads the events of one document after its DOCUMENT-START, through its DOCUMENT-END.
    ///
    /// Uses an explicit stack rather than recursion, so deep input cannot exhaust the stack.
    private func parseDocument() throws(YAMLError) -> Node {
        anchors = [:]
        nodeCount = 0
        var stack: [Frame] = []
        var root: Node?
        while root == nil {
            let event = try nextEvent()
            let mark = event.startMark
            let data = event.pointer.pointee.data
            // The node finished by this event, where it starts, and how many nodes it holds.
            let finished: (node: Node, mark: Mark, count: Int)
            switch event.type {
            case YAML_SCALAR_EVENT:
                try count(1, at: mark)
                let scalar = data.scalar
                let value = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                let node = Node.scalar(Node.Scalar(
                    value, tag: Self.string(scalar.tag).map { Tag($0) }, style: Self.style(scalar.style),
                    mark: mark))
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = (node, 1) }
                finished = (node, mark, 1)
            case YAML_ALIAS_EVENT:
                let name = Self.string(data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    if stack.contains(where: { $0.anchor == name }) {
                        throw error("found alias *\(name) inside the node its anchor names", at: mark)
                    }
                    throw error("found undefined alias *\(name)", at: mark)
                }
                try count(anchored.count, at: mark)
                finished = (anchored.node, mark, anchored.count)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < Self.maxDepth else {
                    throw error("nesting is deeper than \(Self.maxDepth) levels", at: mark)
                }
                try count(1, at: mark)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let start = data.sequence_start, mappingStart = data.mapping_start
                stack.append(Frame(
                    isMapping: isMapping,
                    tag: Self.string(isMapping ? mappingStart.tag : start.tag).map { Tag($0) },
                    flow: isMapping
                        ? mappingStart.style == YAML_FLOW_MAPPING_STYLE
                        : start.style == YAML_FLOW_SEQUENCE_STYLE,
                    mark: mark,
                    anchor: Self.string(isMapping ? mappingStart.anchor : start.anchor)))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else {
                    throw error("found the end of a collection that was not started", at: mark)
                }
                let node = frame.node
                if let anchor = frame.anchor { anchors[anchor] = (node, frame.count) }
                finished = (node, frame.mark, frame.count)
            default:
                throw error("expected a node", at: mark)
            }
            if stack.isEmpty {
                root = finished.node
            } else {
                try add(finished, to: &stack[stack.count - 1])
            }
        }
        let end = try nextEvent()
        guard end.type == YAML_DOCUMENT_END_EVENT else {
            throw error("expected the end of the document", at: end.startMark)
        }
        return root ?? .scalar(Node.Scalar("", style: .plain))
    }

    private func add(_ finished: (node: Node, mark: Mark, count: Int), to frame: inout Frame) throws(YAMLError) {
        frame.count += finished.count
        guard frame.isMapping else {
            frame.items.append(finished.node)
            return
        }
        guard let key = frame.pendingKey else {
            if let first = frame.keyMarks[finished.node] {
                throw error(
                    "duplicate key \(Self.describe(finished.node)) (first defined at line \(first.line))",
                    at: finished.mark)
            }
            frame.keyMarks[finished.node] = finished.mark
            frame.pendingKey = finished.node
            return
        }
        frame.pairs.append(Node.Mapping.Pair(key, finished.node))
        frame.pendingKey = nil
    }

    /// Counts nodes against `maxNodes`.
    private func count(_ nodes: Int, at mark: Mark) throws(YAMLError) {
        nodeCount += nodes
        if nodeCount > Self.maxNodes {
            throw error("document expands to more than \(Self.maxNodes) nodes (alias bomb?)", at: mark)
        }
    }

    /// A key as shown in a one-line message: a scalar quoted with escapes, shortened when long.
    private static func describe(_ key: Node) -> String {
        switch key {
        case .scalar(let scalar):
            let text = scalar.value.count > 60 ? scalar.value.prefix(57) + "..." : scalar.value
            return text.debugDescription
        case .sequence: return "(a sequence)"
        case .mapping: return "(a mapping)"
        }
    }

    // MARK: - libyaml

    private func nextEvent() throws(YAMLError) -> Event {
        let event = Event()
        guard yaml_parser_parse(parser, event.pointer) != 0 else { throw libyamlError() }
        return event
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The parser's error as a `YAMLError`, converting libyaml's 0-based marks.
    private func libyamlError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory while reading YAML", path: path)
        case YAML_READER_ERROR:
            // Reader errors have a byte offset instead of a mark.
            var message = problem
            if state.problem_value != -1 {
                let hex = String(state.problem_value, radix: 16, uppercase: true)
                message += " (#x\(String(repeating: "0", count: max(0, 2 - hex.count)) + hex))"
            }
            return error(message, at: mark(atOffset: state.problem_offset))
        default:
            var message = problem
            let mark = Mark(state.problem_mark)
            if let context = state.context.map({ String(cString: $0) }) {
                let contextMark = Mark(state.context_mark)
                message += contextMark == mark
                    ? " (\(context))"
                    : " (\(context) at line \(contextMark.line), column \(contextMark.column))"
            }
            return error(message, at: clampedToContent(mark))
        }
    }

    // MARK: - Positions

    private func error(_ message: String, at mark: Mark) -> YAMLError {
        YAMLError(message, mark: mark, path: path, sourceLine: sourceLine(mark.line))
    }

    /// `mark`, or when only whitespace and line breaks follow it (libyaml reports the end of
    /// the stream on a line of its own), the position just after the last other character.
    private func clampedToContent(_ mark: Mark) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        var lastContent: Mark?
        var reached = false
        while index < inputCount {
            if !reached && (line > mark.line || (line == mark.line && column >= mark.column)) {
                reached = true
            }
            if let width = lineBreak(at: index) {
                line += 1
                column = 1
                index += width
                continue
            }
            let byte = input[index]
            // Continuation bytes belong to the character before.
            if byte & 0xC0 != 0x80 {
                if byte != 0x20 && byte != 0x09 {
                    if reached { return mark }
                    lastContent = Mark(line: line, column: column + 1)
                }
                column += 1
            }
            index += 1
        }
        return lastContent ?? mark
    }

    /// Whether a line break starts at `index`, and how many bytes it takes. Breaks are those
    /// libyaml counts lines by: CR LF, CR, LF, NEL, LS and PS.
    private func lineBreak(at index: Int) -> Int? {
        let count = inputCount
        switch input[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < count && input[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < count && input[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            return index + 2 < count && input[index + 1] == 0x80
                && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9) ? 3 : nil
        default: return nil
        }
    }

    /// The 1-based line `number` of the input, without its break; `nil` past the end.
    private func sourceLine(_ number: Int) -> String? {
        var line = 1
        var start = 0
        var index = 0
        let count = inputCount
        while index < count {
            if let width = lineBreak(at: index) {
                if line == number { return text(start..<index) }
                line += 1
                index += width
                start = index
            } else {
                index += 1
            }
        }
        return line == number ? text(start..<count) : nil
    }

    /// The position of byte `offset`, counting columns in Unicode scalars as libyaml does.
    private func mark(atOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, inputCount)
        while index < end {
            if let width = lineBreak(at: index) {
                line += 1
                column = 1
                index += width
            } else {
                // Continuation bytes do not start a scalar.
                if input[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return Mark(line: line, column: column)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }
}
