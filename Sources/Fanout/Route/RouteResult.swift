/// Where a message published to a topic goes: the consumers that receive it and, for each
/// that does not, why (see ``Service/route(message:attributes:topic:)``).
public struct RouteResult: Hashable, Sendable {
    /// A consumer the message does not reach, and why.
    public struct Skipped: Hashable, Sendable {
        /// The consumer as the DSL names it: the function that drains the subscribed queue
        /// (a ``FanOut`` consumer's name), or the subscription's logical ID without one.
        public var consumer: String
        /// The subscription whose filter policy rejected the message.
        public var subscription: String
        /// The key and condition that rejected the message.
        public var rejection: FilterRejection
        /// `body key priority: "low" does not match ["high"]`.
        public var reason: String
    }

    /// The topic the message was published to (its logical ID).
    public var topic: String
    /// The consumers that receive the message, in declaration order.
    public var receivers: [String]
    /// The consumers whose filter policy rejects the message, in declaration order.
    public var skipped: [Skipped]
}
