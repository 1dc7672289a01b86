import OrderedCollections

/// What a ``FanOut`` builder takes: a ``Consumer`` (a standard queue) or, from a FIFO topic,
/// a ``FIFOConsumer``.
public protocol FanOutConsumer: Sendable {
    /// The consumer's settings.
    var consumer: Consumer { get set }
}

extension FanOutConsumer {
    /// Delivers only messages whose attributes match `conditions`.
    public func filter(_ conditions: OrderedDictionary<String, Value>) -> Self {
        var copy = self
        copy.consumer.filter = FilterPolicy(scope: .messageAttributes, conditions)
        return copy
    }

    /// Delivers only messages whose JSON body matches `conditions`.
    public func filter(body conditions: OrderedDictionary<String, Value>) -> Self {
        var copy = self
        copy.consumer.filter = FilterPolicy(scope: .messageBody, conditions)
        return copy
    }

    /// Chooses the generated resources' names, for example to match an existing template.
    public func named(
        queue: String? = nil, queueName: Text? = nil, deadLetterQueue: String? = nil,
        policy: String? = nil, subscription: String? = nil
    ) -> Self {
        var copy = self
        if let queue { copy.consumer.names.queue = queue }
        if let queueName { copy.consumer.names.queueName = queueName }
        if let deadLetterQueue { copy.consumer.names.deadLetterQueue = deadLetterQueue }
        if let policy { copy.consumer.names.policy = policy }
        if let subscription { copy.consumer.names.subscription = subscription }
        return copy
    }

    /// Chooses when the consumer's alarms fire: `.above(n)` for a threshold of your own,
    /// `.off` for no such alarm, `.automatic` for Fanout's (see ``ConsumerAlarms``).
    ///
    /// ```swift
    /// Consumer("reports", handler: "src/reports.handler")
    ///     .alarms(oldestMessageAge: .above(3600))      // a batch job: an hour is fine
    /// ```
    public func alarms(
        deadLetterMessages: AlarmThreshold = .automatic, oldestMessageAge: AlarmThreshold = .automatic
    ) -> Self {
        var copy = self
        copy.consumer.alarms = ConsumerAlarms(deadLetterMessages: deadLetterMessages, oldestMessageAge: oldestMessageAge)
        return copy
    }

    /// No CloudWatch alarms for this consumer (lint then notes its unwatched dead-letter queue,
    /// FAN801).
    public func withoutAlarms() -> Self {
        var copy = self
        copy.consumer.alarms = nil
        return copy
    }
}
