/// Why a filter policy rejects a message: the key (dotted for nested body keys) and the
/// condition that failed, with what the message holds there.
public struct FilterRejection: Hashable, Sendable, CustomStringConvertible {
    /// The policy key that did not match (`priority`, `order.total`, `$or`).
    public var key: String
    /// The condition, as the policy writes it (`["high"]`).
    public var condition: String
    /// What the message holds at the key (`"low"`); `nil` when the key is missing.
    public var found: String?

    public init(key: String, condition: String, found: String?) {
        self.key = key
        self.condition = condition
        self.found = found
    }

    /// `priority: "low" does not match ["high"]`, or for a missing key
    /// `priority: missing, and the policy requires ["high"]`.
    public var description: String {
        guard let found else { return "\(key): missing, and the policy requires \(condition)" }
        return "\(key): \(found) does not match \(condition)"
    }
}
