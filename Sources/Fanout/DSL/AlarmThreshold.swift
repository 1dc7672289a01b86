/// When one of a ``FanOut`` consumer's alarms fires.
public enum AlarmThreshold: Hashable, Sendable {
    /// Fanout's threshold for this alarm (see ``ConsumerAlarms``).
    case automatic
    /// When the metric is above this value: messages for the dead-letter alarm, seconds for
    /// the message-age alarm.
    case above(Int)
    /// No alarm.
    case off
}

extension AlarmThreshold {
    /// The threshold to alarm above, `nil` for no alarm.
    func value(automatic: Int) -> Int? {
        switch self {
        case .automatic: automatic
        case .above(let value): value
        case .off: nil
        }
    }
}
