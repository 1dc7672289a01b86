import Fanout
import Testing

@Suite struct IAMRuleTests {
    let topic = Fixtures.topic

    @Test func fan301PublisherWithoutPermission() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            topic
            Function("publisher", handler: "p.handler") { Environment("TOPIC_ARN", topic.arn) }
        }
        #expect(Fixtures.codes(service) == ["FAN301"])
        #expect(Fixtures.diagnostics("FAN301", service).first?.location?.line == line)
        let otherTopic = Service("svc", runtime: .nodejs24x) {
            topic
            Topic("Other")
            IAM { Statement(actions: ["sns:Publish"], resources: [.ref("Other")]) }
            Function("publisher", handler: "p.handler") { Environment("TOPIC_ARN", topic.arn) }
        }
        #expect(Fixtures.codes(otherTopic).contains("FAN301"))
        let allowed = Service("svc", runtime: .nodejs24x) {
            IAM { Fixtures.publishStatement }
            topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(allowed) == [])
    }

    @Test func fan302UnusedPermission() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            IAM {
                Statement(actions: ["sns:Publish", "sqs:SendMessage"], resources: [topic.arn, Fixtures.queue.arn])
            }
            topic
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            Fixtures.queue
            Fixtures.publisher
        }
        #expect(Fixtures.codes(service) == ["FAN302"])
        let diagnostic = Fixtures.diagnostics("FAN302", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("sqs:SendMessage is used by no function") == true)
        let consumerActions = Service("svc", runtime: .nodejs24x) {
            IAM { Statement(actions: ["sqs:ReceiveMessage"], resources: [Fixtures.queue.arn]) }
            for component in Fixtures.edge { component }
            Fixtures.consumer
        }
        #expect(Fixtures.codes(consumerActions) == ["FAN302"])
        let misplaced = Service("svc", runtime: .nodejs24x) {
            IAM { Statement(actions: ["sns:Publish"], resources: [topic.arn, Fixtures.queue.arn]) }
            topic
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            Fixtures.queue
            Fixtures.publisher
        }
        #expect(Fixtures.codes(misplaced) == ["FAN302"])
        #expect(Fixtures.diagnostics("FAN302", misplaced).first?.message.contains("no function uses sns:Publish on Work") == true)
        #expect(Fixtures.diagnostics("FAN302", consumerActions).first?.message.contains("already granted") == true)
        let used = Service("svc", runtime: .nodejs24x) {
            IAM { Fixtures.publishStatement }
            topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(used) == [])
    }

    @Test func fan303Wildcards() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            IAM { Statement(actions: ["sns:*"], resources: ["*"]) }
            topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(service) == ["FAN303"])
        #expect(Fixtures.diagnostics("FAN303", service).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN303", service).first?.message.contains("actions sns:* on every resource") == true)
    }

    @Test func fan304SharedRole() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            IAM { Statement(actions: ["sns:Publish"], resources: [topic.arn]) }
            for component in Fixtures.edge { component }
            Fixtures.publisher
            Fixtures.consumer
        }
        #expect(Fixtures.codes(service) == ["FAN304"])
        #expect(Fixtures.diagnostics("FAN304", service).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN304", service).first?.message.contains("sns:Publish (used by publisher)") == true)
        let twoPublishers = Service("svc", runtime: .nodejs24x) {
            IAM { Fixtures.publishStatement }
            topic
            Fixtures.publisher
            Function("second", handler: "s.handler") { Environment("TOPIC_ARN", topic.arn) }
        }
        #expect(Fixtures.codes(twoPublishers) == [])
    }

    @Test func fan304FunctionStatementsOnTheSharedRole() {
        func service(_ roles: RoleMode) -> Service {
            Service("svc", runtime: .nodejs24x, roles: roles) {
                topic
                Function("publisher", handler: "p.handler") { Publishes(to: topic) }
                FanOut(from: topic) { Consumer("consumer", handler: "c.handler") }
            }
        }
        #expect(Fixtures.codes(service(.shared)) == ["FAN304", "FAN304"])
        #expect(Validator().validate(service(.shared), on: Fixtures.day, target: .serverless).decided.isEmpty)
        #expect(Fixtures.codes(service(.perFunction)) == [])
    }
}
