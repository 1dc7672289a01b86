internal import CLibYAML

/// Owns one libyaml `yaml_event_t` and frees what it points to.
///
/// The parser fills it; the emitter takes its contents over (`yaml_emitter_emit` owns the
/// event from the call on, whether it succeeds or fails), after which `relinquish()` leaves
/// this object with nothing to free.
final class Event {
    /// The event, at a stable address for libyaml.
    let pointer: UnsafeMutablePointer<yaml_event_t>

    /// An empty event (type `YAML_NO_EVENT`), to be filled by the parser.
    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: yaml_event_t())
    }

    deinit {
        // Safe on an empty or relinquished event: its type is YAML_NO_EVENT.
        yaml_event_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    var type: yaml_event_type_t { pointer.pointee.type }
    var startMark: Mark { Mark(pointer.pointee.start_mark) }

    /// Forgets the contents after the emitter has taken them, so they are not freed twice.
    func relinquish() {
        pointer.pointee = yaml_event_t()
    }

    // MARK: - Building events for the emitter

    static func streamStart() throws(YAMLError) -> Event {
        try make("STREAM-START") { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
    }

    static func streamEnd() throws(YAMLError) -> Event {
        try make("STREAM-END") { yaml_stream_end_event_initialize($0) }
    }

    /// A document start without `---` (libyaml still writes it for every document but the first).
    static func documentStart() throws(YAMLError) -> Event {
        try make("DOCUMENT-START") { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
    }

    /// A document end without `...`.
    static func documentEnd() throws(YAMLError) -> Event {
        try make("DOCUMENT-END") { yaml_document_end_event_initialize($0, 1) }
    }

    static func scalar(
        _ value: String, tag: String?, plainImplicit: Bool, quotedImplicit: Bool,
        style: yaml_scalar_style_t
    ) throws(YAMLError) -> Event {
        let utf8 = value.utf8
        // libyaml takes the length as an Int32; refuse rather than truncate.
        guard let length = Int32(exactly: utf8.count) else {
            throw YAMLError("scalar of \(utf8.count) bytes is too long to write")
        }
        // A terminating NUL (not counted in `length`) also gives "" a buffer to point to.
        var bytes = Array(utf8)
        bytes.append(0)
        return try make("SCALAR") { event in
            withOptionalCString(tag) { tag in
                bytes.withUnsafeMutableBufferPointer { buffer in
                    yaml_scalar_event_initialize(
                        event, nil, tag, buffer.baseAddress, length,
                        plainImplicit ? 1 : 0, quotedImplicit ? 1 : 0, style)
                }
            }
        }
    }

    static func sequenceStart(tag: String?, flow: Bool) throws(YAMLError) -> Event {
        try make("SEQUENCE-START") { event in
            withOptionalCString(tag) { tag in
                yaml_sequence_start_event_initialize(
                    event, nil, tag, tag == nil ? 1 : 0,
                    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
            }
        }
    }

    static func sequenceEnd() throws(YAMLError) -> Event {
        try make("SEQUENCE-END") { yaml_sequence_end_event_initialize($0) }
    }

    static func mappingStart(tag: String?, flow: Bool) throws(YAMLError) -> Event {
        try make("MAPPING-START") { event in
            withOptionalCString(tag) { tag in
                yaml_mapping_start_event_initialize(
                    event, nil, tag, tag == nil ? 1 : 0,
                    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
            }
        }
    }

    static func mappingEnd() throws(YAMLError) -> Event {
        try make("MAPPING-END") { yaml_mapping_end_event_initialize($0) }
    }

    /// Runs a libyaml initializer on a new event; it fails on invalid UTF-8 or lack of memory.
    private static func make(
        _ name: String, _ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32
    ) throws(YAMLError) -> Event {
        let event = Event()
        guard initialize(event.pointer) != 0 else {
            throw YAMLError("could not create a \(name) event (invalid UTF-8 or out of memory)")
        }
        return event
    }

    /// Calls `body` with a NUL-terminated copy of `string` as libyaml's `yaml_char_t *`, or nil.
    private static func withOptionalCString<R>(
        _ string: String?, _ body: (UnsafeMutablePointer<yaml_char_t>?) -> R
    ) -> R {
        guard let string else { return body(nil) }
        var bytes = Array(string.utf8)
        bytes.append(0)
        return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress) }
    }
}
