import Foundation

/// What rules look up across the service, indexed once per validation so that no rule scans
/// every resource for each resource: the resources by kind, the policies that list each queue,
/// the SQS subscriptions by endpoint, the functions that drain each queue, and the collections
/// every rule walks (value sites, IAM statements, the compiled resources).
///
/// ``ValidationContext`` builds it on first use and keeps it; every context copy shares it.
struct ValidationIndex: Sendable {
    let queues: [Queue]
    let topics: [Topic]
    let queuePolicies: [QueuePolicy]
    let subscriptions: [Subscription]
    /// The policies listing each queue URL, in declaration order, each once.
    let policiesByQueueURL: [Value: [QueuePolicy]]
    /// The `sqs` subscriptions by endpoint, in declaration order.
    let sqsSubscriptionsByEndpoint: [Value: [Subscription]]
    /// The `sqs` events by the logical ID of the declared queue their ARN points at.
    let consumersByQueueID: [String: [(function: Function, event: SQS)]]
    let compiledResources: [String: Value]
    let valueSites: [ValidationContext.ValueSite]
    let statements: [Statement]

    init(_ context: ValidationContext) {
        var queues: [Queue] = [], topics: [Topic] = [], policies: [QueuePolicy] = [], subscriptions: [Subscription] = []
        for resource in context.service.resources {
            switch resource {
            case let queue as Queue: queues.append(queue)
            case let topic as Topic: topics.append(topic)
            case let policy as QueuePolicy: policies.append(policy)
            case let subscription as Subscription: subscriptions.append(subscription)
            default: break
            }
        }
        self.queues = queues
        self.topics = topics
        self.queuePolicies = policies
        self.subscriptions = subscriptions

        var policiesByQueueURL: [Value: [QueuePolicy]] = [:]
        for policy in policies {
            var listed = Set<Value>()
            for url in policy.queues where listed.insert(url).inserted {
                policiesByQueueURL[url, default: []].append(policy)
            }
        }
        self.policiesByQueueURL = policiesByQueueURL
        self.sqsSubscriptionsByEndpoint = Dictionary(grouping: subscriptions.filter { $0.deliveryProtocol == .sqs }, by: \.endpoint)
        var consumers: [String: [(function: Function, event: SQS)]] = [:]
        for consumer in context.sqsEvents {
            guard let queue = context.queue(referencedBy: consumer.event.arn) else { continue }
            consumers[queue.logicalID, default: []].append(consumer)
        }
        self.consumersByQueueID = consumers
        self.compiledResources = Dictionary(
            uniqueKeysWithValues: (context.template.mapValue?["Resources"]?.mapValue ?? [:]).map { ($0.key, $0.value) })
        self.valueSites = context.allValueSites()
        self.statements = context.service.provider.iamStatements + context.service.functions.flatMap(\.iamStatements)
    }
}

extension ValidationIndex {
    /// The index of one context, built on first use, with a count of how often rules asked for
    /// a whole collection (what the linearity test watches: it must not grow with the service).
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var index: ValidationIndex?
        private var builds = 0
        private var collectionReads = 0

        /// The index, built from `context` the first time.
        func index(_ context: ValidationContext, readingCollection: Bool) -> ValidationIndex {
            lock.lock()
            defer { lock.unlock() }
            if readingCollection { collectionReads += 1 }
            if let index { return index }
            let built = ValidationIndex(context)
            index = built
            builds += 1
            return built
        }

        /// How often the index was built, and how often a rule read a whole collection.
        var counts: (builds: Int, collectionReads: Int) {
            lock.lock()
            defer { lock.unlock() }
            return (builds, collectionReads)
        }
    }
}
