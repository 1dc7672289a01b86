/// FAN105: a function drains a queue that SNS delivers to without raw message delivery, so
/// each record's body is the SNS envelope, not the published message.
public struct EnvelopeDeliveryRule: Rule {
    public let code = "FAN105"
    public let summary = "Consumers know whether they receive the SNS envelope or the raw message"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.sqsEvents.compactMap { function, event in
            guard let queue = context.queue(referencedBy: event.arn) else { return nil }
            let enveloped = context.subscriptions(to: queue).filter { $0.rawMessageDelivery != true }
            guard let subscription = enveloped.first else { return nil }
            return diagnostic(
                .note,
                "\(function.key) drains \(queue.logicalID), which \(subscription.logicalID) fills without raw message delivery: each record's body is the SNS envelope {\"Type\":\"Notification\",\"Message\":\"…\"}, so parse JSON.parse(record.body).Message, or set rawMessageDelivery: true to receive the message itself",
                path: context.path(function) + ".events", at: event.location)
        }
    }
}
