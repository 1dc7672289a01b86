import Fanout
import Testing

/// What the construct derives, per consumer: every resource and permission, no more.
@Suite struct FanOutTests {
    let topic = Topic("Placed", name: "placed")

    func ids(_ service: Service) -> [String] { service.resources.map(\.logicalID) }

    @Test func eachConsumerGetsItsQueueDeadLetterQueuePolicySubscriptionAndFunction() {
        let line = #line + 4
        let service = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler")
                Consumer("shipping", handler: "src/shipping.handler", timeout: 10, batchSize: 100, batchingWindow: 5)
            }
        }
        #expect(ids(service) == [
            "Placed",
            "BillingDeadLetterQueue", "BillingQueue", "BillingQueuePolicy", "BillingSubscription",
            "BillingDeadLetterQueueAlarm", "BillingQueueAgeAlarm",
            "ShippingDeadLetterQueue", "ShippingQueue", "ShippingQueuePolicy", "ShippingSubscription",
            "ShippingDeadLetterQueueAlarm", "ShippingQueueAgeAlarm",
            "AlarmTopic",
        ])
        #expect(service.functions.map(\.key) == ["billing", "shipping"])
        let billing = service.resource("BillingQueue") as? Queue
        #expect(billing?.visibilityTimeout == 36)
        #expect(billing?.encryption == .sqsManaged)
        #expect(billing?.redrivePolicy == RedrivePolicy(deadLetterTargetARN: .getAtt("BillingDeadLetterQueue", "Arn"), maxReceiveCount: 5))
        #expect(billing?.location.line == line)
        #expect((service.resource("ShippingQueue") as? Queue)?.visibilityTimeout == 65)
        let subscription = service.resource("BillingSubscription") as? Subscription
        #expect(subscription?.dependsOn == ["BillingQueuePolicy"])
        #expect(subscription?.rawMessageDelivery == true)
        #expect(subscription?.endpoint == .getAtt("BillingQueue", "Arn"))
        let policy = service.resource("BillingQueuePolicy") as? QueuePolicy
        #expect(policy?.statements.count == 1)
        #expect(policy?.statements.first?.condition == .arnEquals("aws:SourceArn", topic.arn))
        let function = service.functions[0]
        guard case .sqs(let event)? = function.events.first else {
            Issue.record("no sqs event")
            return
        }
        #expect(event.reportBatchItemFailures)
        #expect(event.arn == .getAtt("BillingQueue", "Arn"))
        #expect(function.iamStatements.map(\.value) == [
            ["Effect": "Allow", "Action": ["sqs:ChangeMessageVisibility"], "Resource": [.getAtt("BillingQueue", "Arn")]],
        ])
        #expect(Validator().validate(service, on: Fixtures.day).decided == [])
    }

    @Test func filterPolicyIsTyped() {
        let service = Service("orders", runtime: .nodejs24x) {
            topic
            FanOut(from: topic) {
                Consumer("shipping", handler: "s.handler")
                    .filter(["eventType": ["order_placed"], "amount": [.numeric(">=", 100)]])
            }
        }
        let subscription = service.resource("ShippingSubscription") as? Subscription
        #expect(subscription?.filter == .attributes(["eventType": ["order_placed"], "amount": [.numeric(">=", 100)]]))
        #expect(subscription?.properties["FilterPolicy"] == ["eventType": ["order_placed"], "amount": [["numeric": [">=", 100]]]])
        #expect(subscription?.properties["FilterPolicyScope"] == nil)
    }

    @Test func severalTopicsShareOneStatementListingEachTopic() {
        let other = Topic("Cancelled")
        let service = Service("orders", runtime: .nodejs24x) {
            topic
            other
            FanOut(from: [topic, other]) { Consumer("audit", handler: "a.handler") }
        }
        #expect(ids(service).filter { $0.hasPrefix("AuditSubscription") } == ["AuditSubscriptionPlaced", "AuditSubscriptionCancelled"])
        let policy = service.resource("AuditQueuePolicy") as? QueuePolicy
        #expect(policy?.statements.count == 1)
        #expect(policy?.statements.first?.condition?.values(for: "aws:SourceArn") == [topic.arn, other.arn])
        #expect(Validator().validate(service, on: Fixtures.day).decided == [])
    }

    @Test func subscriptionDeadLetterQueueHasItsOwnPolicy() {
        let service = Service("orders", runtime: .nodejs24x) {
            topic
            FanOut(from: topic) { Consumer("audit", handler: "a.handler", subscriptionDeadLetterQueue: true) }
        }
        #expect(ids(service).contains("AuditSubscriptionDeadLetterQueue"))
        #expect(ids(service).contains("AuditSubscriptionDeadLetterQueuePolicy"))
        let subscription = service.resource("AuditSubscription") as? Subscription
        #expect(subscription?.deadLetterTargetARN == .getAtt("AuditSubscriptionDeadLetterQueue", "Arn"))
        #expect(subscription?.dependsOn == ["AuditQueuePolicy", "AuditSubscriptionDeadLetterQueuePolicy"])
        #expect(Validator().validate(service, on: Fixtures.day).decided == [])
    }

    @Test func fifoTopicFeedsFIFOAndStandardQueues() {
        let fifo = Topic("Ledger", name: "ledger", fifo: true)
        #expect(fifo.name?.description == "ledger.fifo")
        let service = Service("bank", runtime: .nodejs24x, roles: .perFunction) {
            fifo
            FanOut(fromFIFO: fifo) {
                FIFOConsumer("posting", handler: "p.handler", batchSize: 10)
                Consumer("reporting", handler: "r.handler")
            }
        }
        let posting = service.resource("PostingQueue") as? Queue
        #expect(posting?.fifo == true)
        #expect(posting?.name?.description == "${self:service}-${sls:stage}-posting.fifo")
        #expect((service.resource("PostingDeadLetterQueue") as? Queue)?.fifo == true)
        #expect((service.resource("ReportingQueue") as? Queue)?.fifo == false)
        #expect(Validator().validate(service, on: Fixtures.day).decided == [])
    }

    @Test func fifoConsumerUnderAStandardTopicIsReported() {
        // FanOut(from:) takes only Consumer; reaching a FIFO queue from a standard topic takes
        // FanOut(fromFIFO:), and validation still refuses it.
        let service = Service("bank", runtime: .nodejs24x) {
            topic
            FanOut(fromFIFO: topic) { FIFOConsumer("posting", handler: "p.handler") }
        }
        #expect(Fixtures.codes(service) == ["FAN204"])
    }

    @Test(.slow, .tags(.oracle)) func customerManagedKeyGrantsSNSAndTheConsumer() throws {
        let key = KMSKey("OrdersKey")
        let service = Service("orders", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            topic
            key
            FanOut(from: topic) {
                Consumer("billing", handler: "b.handler", encryption: .kms(key.id))
                Consumer("shipping", handler: "s.handler", encryption: .kms(key.id))
            }
        }
        let function = service.functions[0]
        #expect(function.iamStatements.contains { $0.actions == ["kms:Decrypt"] && $0.resources == [key.arn] })
        #expect((service.resource("BillingQueue") as? Queue)?.encryption == .kms(key.id))
        let bound = Pipeline().bind(service)
        let grants = (bound.resource("OrdersKey") as? KMSKey)?.grants ?? []
        #expect(grants.count == 1)
        #expect(grants.first?.admitsSNS == true)
        #expect((bound.resource("OrdersKey") as? KMSKey)?.admitsSNS(from: topic.arn) == true)
        #expect(Pipeline().bind(bound).resources.map(\.properties) == bound.resources.map(\.properties), "binding twice changes nothing")
        #expect(Validator().validate(service, on: Fixtures.day).decided == [])
        let path = try temporaryFile(try service.cloudFormation(.yaml), suffix: ".yaml")
        let lint = try Oracles.cfnLint(path)
        #expect(lint.status == 0, "\(lint.standardOutput)")
    }

    @Test func keyDeclaredElsewhereGetsANote() {
        let service = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms("arn:aws:kms:eu-central-1:123456789012:key/k")) }
        }
        #expect(Fixtures.codes(service) == ["FAN107"])
        #expect(Fixtures.diagnostics("FAN107", service).first?.severity == .note)
    }

    @Test func keyDeclaredAfterTheFanOutGetsItsGrantToo() throws {
        let key = KMSKey("OrdersKey")
        let before = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            key
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms(key.id)) }
        }
        let after = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms(key.id)) }
            key
        }
        #expect(Fixtures.codes(after) == [])
        let grant = { (service: Service) in
            (Pipeline().bind(service).resource("OrdersKey") as? KMSKey)?.grants.map(\.value)
        }
        #expect(grant(after) != nil && grant(after) == grant(before))
        #expect((Pipeline().bind(after).resource("OrdersKey") as? KMSKey)?.admitsSNS(from: topic.arn) == true)
    }

    /// A user's own key-policy statement that happens to use the grant's Sid is kept; the
    /// grant goes beside it under another Sid. Binding again changes nothing.
    @Test func aUsersStatementWithTheGrantsSidIsKept() {
        let own = Statement(
            sid: "SNSEncryptsForSubscribedQueues", principal: .aws("arn:aws:iam::123456789012:role/auditor"),
            actions: ["kms:Decrypt"], resources: .one("*"))
        let key = KMSKey("OrdersKey", grants: [own])
        let service = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            key
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms(key.id)) }
        }
        let bound = Pipeline().bind(service)
        let grants = (bound.resource("OrdersKey") as? KMSKey)?.grants ?? []
        #expect(grants.map(\.sid) == ["SNSEncryptsForSubscribedQueues", "SNSEncryptsForSubscribedQueuesByFanout"])
        #expect(grants.first == own)
        #expect((bound.resource("OrdersKey") as? KMSKey)?.admitsSNS(from: topic.arn) == true)
        #expect(Pipeline().bind(bound).resources.map(\.properties) == bound.resources.map(\.properties))
        #expect(Fixtures.codes(service) == [])
    }

    /// A statement of the grant's own shape and Sid, written by the user for another topic,
    /// keeps that topic: the topics are merged, not replaced.
    @Test func aGrantWrittenByTheUserKeepsItsTopics() {
        let other: Value = "arn:aws:sns:eu-central-1:123456789012:other"
        let written = Statement(
            sid: "SNSEncryptsForSubscribedQueues", principal: .service("sns.amazonaws.com"),
            actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: .one("*"),
            condition: .arnEquals("aws:SourceArn", other))
        let key = KMSKey("OrdersKey", grants: [written])
        let service = Service("orders", runtime: .nodejs24x, roles: .perFunction) {
            topic
            key
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms(key.id)) }
        }
        let bound = Pipeline().bind(service)
        let grants = (bound.resource("OrdersKey") as? KMSKey)?.grants ?? []
        #expect(grants.count == 1)
        #expect(grants.first?.condition?.values(for: "aws:SourceArn") == [other, topic.arn])
        #expect(Pipeline().bind(bound).resources.map(\.properties) == bound.resources.map(\.properties))
    }

    @Test func handWrittenKeyWithoutAnSQSSubscriptionGetsNoGrant() {
        let key = KMSKey("Unused")
        let service = Service("orders", runtime: .nodejs24x) {
            key
            Queue("Q", encryption: .kms(key.id))
        }
        #expect((Pipeline().bind(service).resource("Unused") as? KMSKey)?.grants.isEmpty == true)
    }

    @Test func awsManagedKeyIsRefused() {
        let service = Service("orders", runtime: .nodejs24x) {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "b.handler", encryption: .kms("alias/aws/sqs")) }
        }
        #expect(Fixtures.codes(service).contains("FAN106"))
    }
}
