import Fanout
import Testing

/// Edge cases of the FanOut construct: FIFO dead letters, one key for two fan-outs, fan-in
/// policy sizes, named subscriptions in a fan-in, filter shapes, a fan-out without a topic.
@Suite struct FanOutEdgeCaseTests {
    @Test func fifoTopicsSubscriptionDeadLetterQueueIsFIFO() {
        let ledger = Topic("Ledger", name: "ledger", fifo: true)
        let service = Service("bank", runtime: .nodejs24x, roles: .perFunction) {
            ledger
            FanOut(fromFIFO: ledger) {
                Consumer("reporting", handler: "r.handler", subscriptionDeadLetterQueue: true)
                FIFOConsumer("posting", handler: "p.handler", maximumConcurrency: 5, subscriptionDeadLetterQueue: true)
            }
        }
        #expect((service.resource("ReportingSubscriptionDeadLetterQueue") as? Queue)?.fifo == true)
        #expect((service.resource("ReportingQueue") as? Queue)?.fifo == false)
        #expect(Fixtures.codes(service) == [])
        let mismatched = Service("bank", runtime: .nodejs24x) {
            ledger
            let dlq = Queue("Dead", name: "dead")
            dlq
            for component in [Fixtures.deadLetters, Fixtures.queue] as [any ServiceComponent] { component }
            let policy = QueuePolicy("P", queues: [Fixtures.queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                          resources: .one(Fixtures.queue.arn), condition: .arnEquals("aws:SourceArn", ledger.arn))
            }
            policy
            Subscription("Sub", topic: ledger, queue: Fixtures.queue, rawMessageDelivery: true, deadLetterQueue: dlq)
                .dependsOn(policy)
        }
        #expect(Fixtures.codes(mismatched).contains("FAN204"))
    }

    @Test(.slow, .tags(.oracle)) func oneKeyForTwoFanOutsHasOneGrantListingBothTopics() throws {
        let key = KMSKey("Key")
        let first = Topic("First"), second = Topic("Second")
        let service = Service("svc", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            first
            second
            key
            FanOut(from: first) { Consumer("a", handler: "a.handler", encryption: .kms(key.id)) }
            FanOut(from: second) { Consumer("b", handler: "b.handler", encryption: .kms(key.arn)) }
        }
        let grants = (Pipeline().bind(service).resource("Key") as? KMSKey)?.grants ?? []
        #expect(grants.count == 1)
        #expect(grants.first?.condition?.values(for: "aws:SourceArn") == [first.arn, second.arn])
        #expect(Fixtures.codes(service) == [])
        let path = try temporaryFile(try service.cloudFormation(.yaml), suffix: ".yaml")
        let lint = try Oracles.cfnLint(path)
        #expect(lint.status == 0, "\(lint.standardOutput)")
    }

    @Test func fanInPolicySizeCountsResolvedARNs() {
        func service(topics count: Int) -> Service {
            let topics = (0..<count).map { Topic("Topic\($0)") }
            return Service("svc", runtime: .nodejs24x, roles: .perFunction) {
                for topic in topics { topic }
                FanOut(from: topics) { Consumer("audit", handler: "a.handler") }
            }
        }
        #expect(Fixtures.codes(service(topics: 100)).contains("FAN406"))
        #expect(Fixtures.codes(service(topics: 40)) == [])
    }

    @Test func namedSubscriptionsStayDistinctInAFanIn() {
        let a = Topic("A"), b = Topic("B")
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            a
            b
            FanOut(from: [a, b, a]) { Consumer("audit", handler: "x.handler").named(subscription: "AuditFeed") }
        }
        #expect(service.resources.map(\.logicalID).filter { $0.hasPrefix("AuditFeed") } == ["AuditFeedA", "AuditFeedB"])
        #expect(Fixtures.codes(service) == [])
    }

    @Test func filterPolicyShapeIsChecked() {
        func service(_ filter: (Consumer) -> Consumer) -> Service {
            Service("svc", runtime: .nodejs24x, roles: .perFunction) {
                Fixtures.topic
                FanOut(from: Fixtures.topic) { filter(Consumer("c", handler: "c.handler")) }
            }
        }
        #expect(Fixtures.codes(service { $0.filter(["eventType": "order_placed"]) }) == ["FAN207"])
        #expect(Fixtures.codes(service { $0.filter(["order": ["type": ["placed"]]]) }) == ["FAN207"])
        #expect(Fixtures.codes(service { $0.filter(body: ["order": ["type": ["placed"]]]) }) == [])
        #expect(Fixtures.codes(service { $0.filter(["eventType": ["order_placed"]]) }) == [])
    }

    @Test func fanOutFromNoTopicIsReported() {
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            FanOut(from: []) { Consumer("c", handler: "c.handler") }
        }
        // Reported as what it is (no topic), no longer as a too broad policy (FAN102).
        #expect(Fixtures.codes(service) == ["FAN108"])
    }
}
