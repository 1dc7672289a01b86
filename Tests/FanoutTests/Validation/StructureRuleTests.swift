import Fanout
import Testing

@Suite struct StructureRuleTests {
    @Test func fan001DuplicateOrGeneratedLogicalID() {
        let line = #line + 3
        let duplicate = Service("svc", runtime: .nodejs24x) {
            Topic("Topic")
            Topic("Topic")
        }
        #expect(Fixtures.codes(duplicate) == ["FAN001"])
        #expect(Fixtures.diagnostics("FAN001", duplicate).first?.location?.line == line)
        let generated = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler")
            Topic("WorkerLogGroup")
        }
        #expect(Fixtures.codes(generated) == ["FAN001"])
        let distinct = Service("svc", runtime: .nodejs24x) {
            Topic("One")
            Topic("Two")
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan002InvalidLogicalID() {
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("My-Topic")
            Queue(String(repeating: "Q", count: 256))
            Function("bad.key", handler: "h.handler")
        }
        #expect(Fixtures.codes(service) == ["FAN002", "FAN002", "FAN002"])
        let valid = Service("svc", runtime: .nodejs24x) {
            Topic("MyTopic2")
            Function("good-key_1", handler: "h.handler")
        }
        #expect(Fixtures.codes(valid) == [])
    }

    @Test func fan003DuplicateFunction() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Function("my-fn", handler: "a.handler")
            Function("myDashfn", handler: "b.handler")
        }
        #expect(Fixtures.codes(service) == ["FAN003"])
        #expect(Fixtures.diagnostics("FAN003", service).first?.location?.line == line)
        let distinct = Service("svc", runtime: .nodejs24x) {
            Function("one", handler: "a.handler")
            Function("two", handler: "b.handler")
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan004UnknownReference() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Subscription("Sub", topicARN: .ref("Missing"), protocol: .email, endpoint: "ops@example.com")
        }
        #expect(Fixtures.codes(service) == ["FAN004"])
        #expect(Fixtures.diagnostics("FAN004", service).first?.location?.line == line)
        let known = Service("svc", runtime: .nodejs24x) {
            Topic("Present")
            Subscription("Sub", topicARN: .ref("Present"), protocol: .email, endpoint: "ops@example.com")
        }
        #expect(Fixtures.codes(known) == [])
    }

    @Test func fan005UnknownAttribute() {
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("Topic")
            Output("TopicArn", value: .getAtt("Topic", "Arn"))
        }
        #expect(Fixtures.codes(service) == ["FAN005"])
        #expect(Fixtures.diagnostics("FAN005", service).first?.message.contains("use topic.arn (!Ref Topic)") == true)
        let valid = Service("svc", runtime: .nodejs24x) {
            Topic("Topic")
            Output("TopicArn", value: .getAtt("Topic", "TopicArn"))
        }
        #expect(Fixtures.codes(valid) == [])
    }

    @Test func fan006Compilation() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Queue("Q", name: "${env:QUEUE}")
        }
        #expect(Fixtures.codes(service) == ["FAN006"])
        #expect(Fixtures.diagnostics("FAN006", service).first?.location?.line == line)
        let resolvable = Service("svc", runtime: .nodejs24x) {
            Queue("Q", name: "${self:service}-${sls:stage}-q")
        }
        #expect(Fixtures.codes(resolvable) == [])
    }
}
