/// Why a message cannot be routed: the topic is unknown, ambiguous or has no subscriptions,
/// or a filter policy cannot be evaluated offline. Each says what to do.
public enum RouteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The service declares no SNS topic.
    case noTopic
    /// Several topics and none chosen.
    case ambiguousTopic(candidates: [String])
    /// The chosen topic is not declared.
    case unknownTopic(String, candidates: [String])
    /// Nothing subscribes to the topic.
    case noSubscriptions(topic: String)
    /// A filter policy holds values known only at deploy time.
    case unresolvedPolicy(subscription: String)

    public var description: String {
        switch self {
        case .noTopic:
            "the service declares no SNS topic, so there is nothing to publish to; declare a Topic"
        case .ambiguousTopic(let candidates):
            "the service has \(candidates.count) topics (\(candidates.joined(separator: ", "))); choose one with --topic ID"
        case .unknownTopic(let topic, let candidates):
            "the service has no topic '\(topic)'; choose one of \(candidates.joined(separator: ", "))"
        case .noSubscriptions(let topic):
            "nothing subscribes to the topic \(topic), so no consumer receives its messages; subscribe a queue (FanOut or Subscription)"
        case .unresolvedPolicy(let subscription):
            "the filter policy of \(subscription) uses values known only at deploy time (an intrinsic function or a Serverless variable), so it cannot be evaluated here; write the values out"
        }
    }
}
