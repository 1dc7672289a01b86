@testable import Fanout
import FanoutExamples
import Testing

/// Validation stays linear in the size of the service: every rule looks up what it needs in
/// one index built once per validation, and none reads a whole collection once per resource.
/// Counted, not timed: the counts do not depend on the machine.
@Suite struct ValidationIndexTests {
    /// A fan-out of `consumers` queues with a function each, one role per function.
    static func fanOut(_ consumers: Int) -> Service {
        Service("scale", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("Events", name: "scale-events")
            topic
            Function("trigger", handler: "src/trigger.handler") {
                HTTP(.post, "/events")
                Publishes(to: topic)
            }
            FanOut(from: topic) {
                for index in 0..<consumers {
                    Consumer("consumer\(index)", handler: "src/consumer.handler", batchSize: 10)
                }
            }
        }
    }

    static func context(_ service: Service) -> ValidationContext {
        let pipeline = Pipeline(date: Day(year: 2026, month: 11, day: 26))
        let bound = pipeline.bind(service)
        return ValidationContext(service: bound, translation: pipeline.translate(bound), date: pipeline.date)
    }

    @Test func everyRuleSharesOneIndex() {
        let context = Self.context(Self.fanOut(20))
        _ = Validator().validate(context)
        #expect(context.indexCache.counts.builds == 1)
        // Copies of the context share it.
        let copy = context
        _ = copy.policies(for: copy.queues[0])
        #expect(context.indexCache.counts.builds == 1)
    }

    /// A rule that asked for `context.queues` (or any whole collection) for each resource
    /// would read ten times as many collections for ten times the consumers.
    @Test func wholeCollectionsAreReadAsOftenWhateverTheSize() {
        let reads = [5, 50].map { consumers in
            let context = Self.context(Self.fanOut(consumers))
            _ = Validator().validate(context)
            return context.indexCache.counts.collectionReads
        }
        #expect(reads[0] > 0)
        #expect(reads[0] == reads[1])
    }

    /// The index answers what the scans it replaced answered, in the same order, for the
    /// examples and for a queue two policies list, one of them twice.
    @Test func lookupsMatchScans() {
        let topic = Topic("Events", name: "events")
        let first = Queue("First", name: "first")
        let second = Queue("Second", name: "second")
        let shared = QueuePolicy("Shared", queueURLs: [first.url, second.url, first.url], statements: [])
        let own = QueuePolicy("Own", queueURLs: [second.url], statements: [])
        let manual = Service("manual", runtime: .nodejs24x) {
            topic
            first
            second
            shared
            own
            Subscription("FirstSubscription", topic: topic, queue: first)
            Function("drain", handler: "src/drain.handler") { SQS(first) }
        }
        for service in Examples.all.map(\.service) + [manual, Self.fanOut(3)] {
            let context = Self.context(service)
            let resources = context.service.resources
            #expect(context.queues.map(\.logicalID) == resources.compactMap { ($0 as? Queue)?.logicalID })
            #expect(context.subscriptions.map(\.logicalID) == resources.compactMap { ($0 as? Subscription)?.logicalID })
            for queue in context.queues {
                let policies = resources.compactMap { $0 as? QueuePolicy }.filter { $0.queues.contains(queue.url) }
                #expect(context.policies(for: queue).map(\.logicalID) == policies.map(\.logicalID))
                let subscriptions = resources.compactMap { $0 as? Subscription }
                    .filter { $0.deliveryProtocol == .sqs && $0.endpoint == queue.arn }
                #expect(context.subscriptions(to: queue).map(\.logicalID) == subscriptions.map(\.logicalID))
                let consumers = context.sqsEvents.filter { context.queue(referencedBy: $0.event.arn)?.logicalID == queue.logicalID }
                #expect(context.consumers(of: queue).map(\.function.key) == consumers.map(\.function.key))
            }
        }
        let manualContext = Self.context(manual)
        let firstQueue = manualContext.queues[0]
        #expect(manualContext.policies(for: firstQueue).map(\.logicalID) == ["Shared"])
        #expect(manualContext.consumers(of: firstQueue).map(\.function.key) == ["drain"])
    }
}
