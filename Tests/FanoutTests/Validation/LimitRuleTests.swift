import Fanout
import Testing

@Suite struct LimitRuleTests {
    @Test func fan401Names() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Queue("Q", name: "\(Variable.service)-\(String(repeating: "q", count: 80))")
            Topic("T", name: "bad name")
            Function(String(repeating: "f", count: 60), handler: "f.handler")
        }
        #expect(Fixtures.codes(service) == ["FAN401", "FAN401", "FAN401"])
        #expect(Fixtures.diagnostics("FAN401", service).first?.location?.line == line)
        let fine = Service("svc", runtime: .nodejs24x) {
            Queue("Q", name: "\(Variable.service)-\(String(repeating: "q", count: 76))")
            Topic("T", name: "good_name-1")
            Function(String(repeating: "f", count: 56), handler: "f.handler")
        }
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func fan402Ranges() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Queue("Q", visibilityTimeout: 43_201, messageRetentionPeriod: 59, delaySeconds: 901, receiveMessageWaitTime: 21)
            Function("f", handler: "f.handler", memorySize: 127, timeout: 901) {
                Environment("BIG", .string(String(repeating: "x", count: 4100)))
            }
        }
        #expect(Fixtures.codes(service) == Array(repeating: "FAN402", count: 7))
        #expect(Fixtures.diagnostics("FAN402", service).first?.location?.line == line)
        let fine = Service("svc", runtime: .nodejs24x) {
            Queue("Q", visibilityTimeout: 43_200, messageRetentionPeriod: 60, delaySeconds: 900, receiveMessageWaitTime: 20)
            Function("f", handler: "f.handler", memorySize: 10_240, timeout: 900) {
                Environment("SMALL", "x")
            }
        }
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func fan403ResourceCount() {
        func service(queues: Int) -> Service {
            Service("svc", runtime: .nodejs24x) {
                for index in 0..<queues { Queue("Q\(index)") }
            }
        }
        #expect(Fixtures.codes(service(queues: 501)).filter { $0 == "FAN403" }.count == 1)
        #expect(Fixtures.diagnostics("FAN403", service(queues: 501)).first?.severity == .error)
        #expect(Fixtures.diagnostics("FAN403", service(queues: 450)).first?.severity == .warning)
        #expect(Fixtures.codes(service(queues: 449), options: Fixtures.withoutScannerSkips) == [])
    }

    @Test func fan404TemplateSize() {
        func service(environmentBytes: Int) -> Service {
            Service("svc", runtime: .nodejs24x) {
                for index in 0..<20 {
                    Function("f\(index)", handler: "f.handler") {
                        Environment("PAYLOAD", .string(String(repeating: "x", count: environmentBytes)))
                    }
                }
            }
        }
        #expect(Fixtures.codes(service(environmentBytes: 3000)) == ["FAN404"])
        #expect(Fixtures.diagnostics("FAN404", service(environmentBytes: 3000)).first?.severity == .warning)
        #expect(Fixtures.codes(service(environmentBytes: 100)) == [])
    }

    @Test func fan405Outputs() {
        let many = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            for index in 0..<201 { Output("O\(index)", value: .ref("T")) }
        }
        #expect(Fixtures.codes(many) == ["FAN405"])
        let enough = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            for index in 0..<200 { Output("O\(index)", value: .ref("T")) }
        }
        #expect(Fixtures.codes(enough) == [])
    }

    /// FAN406 reports the size of the policy as compact JSON: literal ARNs, so nothing is
    /// estimated, and the count is the rendering's length.
    @Test func fan406CountsTheCompactRenderingsBytes() throws {
        let queue = Fixtures.queue
        let statements = (0..<40).map { index in
            Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                      resources: .one("arn:aws:sqs:eu-central-1:123456789012:work"),
                      condition: .arnEquals("aws:SourceArn", .string("arn:aws:sns:eu-central-1:123456789012:topic-\(index)")))
        }
        let service = Service("svc", runtime: .nodejs24x) {
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            QueuePolicy("P", queueURLs: [queue.url], statements: statements)
        }
        let rendered = try JSONRenderer(compact: true).render(PolicyDocument(statements).value).utf8.count
        #expect(rendered > QueuePolicySizeRule.byteLimit)
        #expect(Fixtures.diagnostics("FAN406", service).first?.message
            == "P has 40 statements (SQS allows 20) and at least \(rendered) bytes (SQS allows 8192); put several topics in one statement's aws:SourceArn list")
    }

    @Test func fan406QueuePolicySize() {
        let queue = Fixtures.queue
        let topics = (0..<21).map { Topic("Topic\($0)") }
        let line = #line + 5
        let perTopic = Service("svc", runtime: .nodejs24x) {
            for topic in topics { topic }
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            QueuePolicy("P", queues: [queue]) {
                for topic in topics {
                    Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                              resources: .one(queue.arn), condition: .arnEquals("aws:SourceArn", topic.arn))
                }
            }
        }
        #expect(Fixtures.codes(perTopic) == ["FAN406"])
        #expect(Fixtures.diagnostics("FAN406", perTopic).first?.location?.line == line)
        let fanIn = Service("svc", runtime: .nodejs24x) {
            for topic in topics { topic }
            FanOut(from: topics) { Consumer("audit", handler: "a.handler") }
        }
        #expect(Fixtures.codes(fanIn) == [])
    }
}
