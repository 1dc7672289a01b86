internal import CLibYAML

/// Owns one libyaml `yaml_event_t` and frees what it points to.
///
/// The parser fills it. (The emitter builds its events in place, in one reused
/// `yaml_event_t`: see `Emitter`.)
final class Event {
    /// The event, at a stable address for libyaml.
    let pointer: UnsafeMutablePointer<yaml_event_t>

    /// An empty event (type `YAML_NO_EVENT`), to be filled by the parser.
    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: yaml_event_t())
    }

    deinit {
        // Safe on an empty event: its type is YAML_NO_EVENT.
        yaml_event_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    var type: yaml_event_type_t { pointer.pointee.type }
    var startMark: Mark { Mark(pointer.pointee.start_mark) }
}
