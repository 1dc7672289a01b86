import Fanout
import Testing

/// The SNS → SQS edge.
@Suite struct EdgeRuleTests {
    let topic = Fixtures.topic
    let queue = Fixtures.queue

    @Test func fan101SubscriptionWithoutPolicy() {
        let line = #line + 5
        let missing = Service("svc", runtime: .nodejs24x) {
            topic
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true)
        }
        #expect(Fixtures.codes(missing) == ["FAN101"])
        #expect(Fixtures.diagnostics("FAN101", missing).first?.location?.line == line)

        let other = Topic("Other")
        let wrongTopic = Service("svc", runtime: .nodejs24x) {
            topic
            other
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            QueuePolicy("P", queues: [queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                          resources: .one(queue.arn), condition: .arnEquals("aws:SourceArn", other.arn))
            }
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true)
        }
        #expect(Fixtures.codes(wrongTopic) == ["FAN101"])
        #expect(Fixtures.diagnostics("FAN101", wrongTopic).first?.message.contains("lets SNS send only from Other") == true)

        let correct = Service("svc", runtime: .nodejs24x) { for component in Fixtures.edge { component } }
        #expect(Fixtures.codes(correct) == [])
    }

    @Test func fan102BroadQueuePolicy() {
        let line = #line + 6
        let service = Service("svc", runtime: .nodejs24x) {
            topic
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            let policy = QueuePolicy("P", queues: [queue]) {
                Statement(principal: .everyone, actions: "sqs:SendMessage", resources: .one(queue.arn))
            }
            policy
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true).dependsOn(policy)
        }
        #expect(Fixtures.codes(service) == ["FAN102"])
        let diagnostic = Fixtures.diagnostics("FAN102", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("\"*\"") == true)
        #expect(diagnostic?.message.contains("aws:SourceArn") == true)
        let scoped = Service("svc", runtime: .nodejs24x) { for component in Fixtures.edge { component } }
        #expect(Fixtures.codes(scoped) == [])
    }

    @Test func fan103EndpointIsQueueURL() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where !(component is Subscription) { component }
            Subscription("Sub", topicARN: topic.arn, protocol: .sqs, endpoint: queue.url, rawMessageDelivery: true)
                .dependsOn(Fixtures.policy)
        }
        #expect(Fixtures.codes(service) == ["FAN103"])
        #expect(Fixtures.diagnostics("FAN103", service).first?.location?.line == line)
    }

    @Test func fan104SubscriptionWithoutDependsOn() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where !(component is Subscription) { component }
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true)
        }
        #expect(Fixtures.codes(service) == ["FAN104"])
        #expect(Fixtures.diagnostics("FAN104", service).first?.location?.line == line)
    }

    @Test func fan105EnvelopeDelivery() {
        let line = #line + 4
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where !(component is Subscription) { component }
            Subscription("Sub", topic: topic, queue: queue).dependsOn(Fixtures.policy)
            Function("consumer", handler: "c.handler") { SQS(queue) }
        }
        #expect(Fixtures.codes(service) == ["FAN105"])
        #expect(Fixtures.diagnostics("FAN105", service).first?.severity == .note)
        #expect(Fixtures.diagnostics("FAN105", service).first?.location?.line == line)
        let raw = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge { component }
            Fixtures.consumer
        }
        #expect(Fixtures.codes(raw) == [])
    }

    @Test func fan106AWSManagedKey() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            let queue = Queue("Work", name: "${self:service}-work", encryption: .kms("alias/aws/sqs"),
                              redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
            for component in Fixtures.edge where !(component is Queue && (component as? Queue)?.logicalID == "Work") { component }
            queue
        }
        #expect(Fixtures.codes(service) == ["FAN106"])
        #expect(Fixtures.diagnostics("FAN106", service).first?.location?.line == line)
        let sqsManaged = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where (component as? Queue)?.logicalID != "Work" { component }
            Queue("Work", name: "${self:service}-work", encryption: .sqsManaged,
                  redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        }
        #expect(Fixtures.codes(sqsManaged) == [])
    }
}
