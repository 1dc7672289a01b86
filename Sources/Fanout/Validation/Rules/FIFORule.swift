/// FAN204: FIFO rules. A standard topic cannot deliver to a FIFO queue, a FIFO topic only to
/// SQS queues; FIFO names end in `.fifo` and standard ones do not; a FIFO event source takes
/// at most 10 messages and no batching window; a dead-letter queue has its queue's FIFO-ness.
public struct FIFORule: Rule {
    public let code = "FAN204"
    public let summary = "FIFO topics, queues, event sources and dead-letter queues fit together"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for subscription in context.subscriptions {
            guard let topic = context.resource(referencedBy: subscription.topicARN) as? Topic else { continue }
            if topic.fifo && subscription.deliveryProtocol != .sqs {
                found.append(diagnostic(
                    .error, "FIFO topic \(topic.logicalID) can deliver only to SQS queues, not over \(subscription.deliveryProtocol.rawValue)",
                    path: context.path(subscription), at: subscription.location))
            }
            if let target = subscription.deadLetterTargetARN, let deadLetterQueue = context.queue(referencedBy: target),
               deadLetterQueue.fifo != topic.fifo {
                found.append(diagnostic(
                    .error, "\(subscription.logicalID)'s dead-letter queue \(deadLetterQueue.logicalID) must be \(topic.fifo ? "FIFO, like" : "standard, like") topic \(topic.logicalID)",
                    path: context.path(subscription) + ".Properties.RedrivePolicy", at: subscription.location))
            }
            if let queue = context.queue(referencedBy: subscription.endpoint), queue.fifo, !topic.fifo {
                found.append(diagnostic(
                    .error, "standard topic \(topic.logicalID) cannot deliver to FIFO queue \(queue.logicalID); make the topic FIFO or the queue standard",
                    path: context.path(subscription), at: subscription.location))
            }
        }
        for topic in context.topics {
            if let name = topic.name.flatMap(context.resolve), name.hasSuffix(".fifo") != topic.fifo {
                found.append(diagnostic(
                    .error, topic.fifo ? "FIFO topic name '\(name)' must end in .fifo" : "topic name '\(name)' ends in .fifo but the topic is not FIFO",
                    path: context.path(topic) + ".Properties.TopicName", at: topic.location))
            }
        }
        for queue in context.queues {
            if let name = queue.name.flatMap(context.resolve), name.hasSuffix(".fifo") != queue.fifo {
                found.append(diagnostic(
                    .error, queue.fifo ? "FIFO queue name '\(name)' must end in .fifo" : "queue name '\(name)' ends in .fifo but the queue is not FIFO",
                    path: context.path(queue) + ".Properties.QueueName", at: queue.location))
            }
            if let target = queue.redrivePolicy?.deadLetterTargetARN,
               let deadLetterQueue = context.queue(referencedBy: target), deadLetterQueue.fifo != queue.fifo {
                found.append(diagnostic(
                    .error, "\(queue.logicalID) is \(queue.fifo ? "FIFO" : "standard") but its dead-letter queue \(deadLetterQueue.logicalID) is not; they must match",
                    path: context.path(queue) + ".Properties.RedrivePolicy", at: queue.location))
            }
        }
        for (function, event) in context.sqsEvents {
            guard let queue = context.queue(referencedBy: event.arn), queue.fifo else { continue }
            if event.effectiveBatchSize > 10 || (event.maximumBatchingWindow ?? 0) > 0 {
                found.append(diagnostic(
                    .error, "\(function.key) drains FIFO queue \(queue.logicalID): its batch size must be at most 10 and it takes no batching window",
                    path: context.path(function) + ".events", at: event.location))
            }
        }
        return found
    }
}
