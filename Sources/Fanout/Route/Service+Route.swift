import OrderedCollections

extension Service {
    /// Which consumers receive `message` when it is published to `topic`, by SNS's
    /// filter-policy rules (see ``FilterPolicyEvaluator``) — for unit tests such as "this
    /// order event reaches billing and not audit":
    ///
    /// ```swift
    /// let route = try service.route(message: #"{"priority":"low"}"#)
    /// #expect(route.receivers == ["processorOne", "processorTwo"])
    /// #expect(route.skipped.map(\.consumer) == ["urgentProcessor"])
    /// ```
    ///
    /// - Parameters:
    ///   - message: the published message; body policies read it as JSON.
    ///   - attributes: the message attributes by name (``MessageAttribute/string(_:)``,
    ///     ``MessageAttribute/number(_:)``, ``MessageAttribute/stringArray(_:)``).
    ///   - topic: the topic's logical ID; may be left out when one topic feeds queues (or the
    ///     service has one topic).
    /// - Throws: ``RouteError`` when the topic is unknown, ambiguous or has no subscriptions,
    ///   or a policy holds values known only at deploy time.
    public func route(
        message: String, attributes: OrderedDictionary<String, MessageAttribute> = [:], topic: String? = nil
    ) throws(RouteError) -> RouteResult {
        let topics = resources.compactMap { $0 as? Topic }.map(\.logicalID)
        let chosen: String
        if let topic {
            guard topics.contains(topic) else {
                throw topics.isEmpty ? .noTopic : .unknownTopic(topic, candidates: topics)
            }
            chosen = topic
        } else {
            // A topic that only notifies people (an alarm topic's e-mails) is not a fan-out:
            // with one topic feeding queues, that is the one meant.
            let feedingQueues = topics.filter { topic in
                resources.contains { ($0 as? Subscription).map { $0.topicARN == .ref(topic) && $0.deliveryProtocol == .sqs } ?? false }
            }
            let candidates = feedingQueues.isEmpty ? topics : feedingQueues
            guard let only = candidates.first else { throw .noTopic }
            guard candidates.count == 1 else { throw .ambiguousTopic(candidates: candidates) }
            chosen = only
        }
        let subscriptions = resources.compactMap { $0 as? Subscription }.filter { $0.topicARN == .ref(chosen) }
        guard !subscriptions.isEmpty else { throw .noSubscriptions(topic: chosen) }

        // The functions draining each queue, indexed once: a lookup per subscription grew with
        // the square of the consumers.
        var drains: [Value: [String]] = [:]
        for function in functions {
            for case .sqs(let sqs) in function.events { drains[sqs.arn, default: []].append(function.key) }
        }
        // Read once, not once per subscription that filters on it (`nil`: not JSON).
        let body = subscriptions.contains { $0.filter?.scope == .messageBody } ? try? JSONReader.read(message) : nil
        var result = RouteResult(topic: chosen, receivers: [], skipped: [])
        for subscription in subscriptions {
            let consumer = Self.consumerName(of: subscription, drains: drains)
            guard let policy = subscription.filter else {
                result.receivers.append(consumer)
                continue
            }
            guard let evaluator = FilterPolicyEvaluator(policy) else {
                throw .unresolvedPolicy(subscription: subscription.logicalID)
            }
            if let rejection = evaluator.evaluate(parsedBody: body, attributes: attributes) {
                let scope = policy.scope == .messageBody ? "body key" : "attribute"
                result.skipped.append(RouteResult.Skipped(
                    consumer: consumer, subscription: subscription.logicalID, rejection: rejection,
                    reason: "\(scope) \(rejection)"))
            } else {
                result.receivers.append(consumer)
            }
        }
        return result
    }

    /// The name a consumer has in the DSL: the function draining the subscribed queue (a
    /// FanOut consumer's name), else the subscription's logical ID.
    private static func consumerName(of subscription: Subscription, drains: [Value: [String]]) -> String {
        if case .getAtt(let queue, "Arn") = subscription.endpoint, let names = drains[.getAtt(queue, "Arn")] {
            return names.joined(separator: "+")
        }
        return subscription.logicalID
    }
}
