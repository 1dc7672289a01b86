import Fanout
import Testing

/// Queue policies that admit no topic (FAN108, as `FanOut(from: [])` leaves) or list no
/// queue (FAN109).
@Suite struct QueuePolicyTopicRuleTests {
    @Test func fan108FanOutWithoutTopic() {
        let line = #line + 3
        let empty = Service("svc", runtime: .nodejs24x) {
            FanOut(from: []) {
                Consumer("audit", handler: "audit.handler")
            }
        }
        #expect(Fixtures.codes(empty) == ["FAN108"])
        let diagnostic = Fixtures.diagnostics("FAN108", empty).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.hasPrefix("FanOut has no topic:") == true)
        // Not "too broad": the statement admits nothing at all.
        #expect(Fixtures.diagnostics("FAN102", empty).isEmpty)
        let topic = Topic("Orders")
        let withTopic = Service("svc", runtime: .nodejs24x) {
            topic
            FanOut(from: [topic]) {
                Consumer("audit", handler: "audit.handler")
            }
        }
        #expect(Fixtures.codes(withTopic) == [])
    }

    @Test func fan108HandWrittenEmptySource() {
        let queue = Fixtures.queue
        let line = #line + 6
        let service = Service("svc", runtime: .nodejs24x) {
            Fixtures.topic
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            QueuePolicy("WorkPolicy", queues: [queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage", resources: .one(queue.arn),
                          condition: Condition([Condition.Clause("ArnEquals", "aws:SourceArn", .many([]))]))
            }
            Fixtures.subscription
        }
        // The subscription has no policy admitting its topic either (FAN101).
        #expect(Fixtures.codes(service) == ["FAN101", "FAN108"])
        let diagnostic = Fixtures.diagnostics("FAN108", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("list the topics in the condition") == true)
    }

    @Test func fan109QueuePolicyWithoutQueues() {
        let line = #line + 3
        let empty = Service("svc", runtime: .nodejs24x) {
            Fixtures.topic
            QueuePolicy("Nothing", queues: []) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage", resources: .one("*"),
                          condition: .arnEquals("aws:SourceArn", Fixtures.topic.arn))
            }
        }
        #expect(Fixtures.codes(empty) == ["FAN109"])
        #expect(Fixtures.diagnostics("FAN109", empty).first?.location?.line == line)
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge { component }
        }
        #expect(Fixtures.codes(service) == [])
    }
}
