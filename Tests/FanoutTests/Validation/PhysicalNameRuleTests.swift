import Fanout
import Testing

/// FAN003 and FAN009: functions, queues and topics that would end up as one resource.
@Suite struct PhysicalNameRuleTests {
    @Test func fan003SameFunctionKeyTwice() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "a.handler")
            Function("worker", handler: "b.handler")
        }
        #expect(Fixtures.codes(service) == ["FAN003"])
        let diagnostic = Fixtures.diagnostics("FAN003", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("declared twice") == true)

        let topic = Topic("Orders")
        let consumerLine = #line + 5
        let consumerAndFunction = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            topic
            Function("billing", handler: "a.handler")
            FanOut(from: topic) {
                Consumer("billing", handler: "b.handler")
            }
        }
        #expect(Fixtures.codes(consumerAndFunction) == ["FAN003"])
        #expect(Fixtures.diagnostics("FAN003", consumerAndFunction).first?.location?.line == consumerLine)
    }

    @Test func fan009ConsumerNamedLikeAnotherConsumersDeadLetterQueue() {
        let topic = Topic("Orders")
        let line = #line + 5
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) {
                Consumer("orders", handler: "a.handler")
                Consumer("orders-dlq", handler: "b.handler")
            }
        }
        #expect(Fixtures.codes(service) == ["FAN009"])
        let diagnostic = Fixtures.diagnostics("FAN009", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("queue named 'svc-dev-orders-dlq'") == true)
        let distinct = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) {
                Consumer("orders", handler: "a.handler")
                Consumer("ordersArchive", handler: "b.handler")
            }
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan009NamedQueuesAlike() {
        let topic = Topic("Orders")
        let line = #line + 5
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            topic
            FanOut(from: topic) {
                Consumer("one", handler: "a.handler").named(queueName: "shared")
                Consumer("two", handler: "b.handler").named(queueName: "shared")
            }
        }
        #expect(Fixtures.codes(service) == ["FAN009"])
        #expect(Fixtures.diagnostics("FAN009", service).first?.location?.line == line)
    }

    @Test func fan009NamesCompareAfterVariablesAndFIFOSuffix() {
        let line = #line + 3
        let resolved = Service("svc", runtime: .nodejs24x, stage: "prod") {
            Queue("Jobs", name: "${self:service}-${sls:stage}-jobs")
            Queue("MoreJobs", name: "svc-prod-jobs")
            Queue("Fifo", name: "tasks", fifo: true)
            Queue("OtherFifo", name: "tasks.fifo", fifo: true)
            Queue("Regional", name: "${aws:region}-work")
            Queue("AlsoRegional", name: "${opt:region}-work")
        }
        #expect(Fixtures.codes(resolved) == ["FAN009", "FAN009", "FAN009"])
        #expect(Fixtures.diagnostics("FAN009", resolved).map { $0.location?.line } == [line, line + 2, line + 4])
        // Another stage, another case, another type: different names.
        let distinct = Service("svc", runtime: .nodejs24x, stage: "prod") {
            Queue("Jobs", name: "${self:service}-${sls:stage}-jobs")
            Queue("DevJobs", name: "svc-dev-jobs")
            Queue("UpperJobs", name: "SVC-prod-jobs")
            Topic("JobsTopic", name: "svc-prod-jobs")
            Queue("Fifo", name: "tasks", fifo: true)
            Queue("Standard", name: "tasks")
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan009TopicsWithOneName() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("Placed", name: "orders")
            Topic("Cancelled", name: "orders")
        }
        #expect(Fixtures.codes(service) == ["FAN009"])
        let diagnostic = Fixtures.diagnostics("FAN009", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("become one topic") == true)
        let distinct = Service("svc", runtime: .nodejs24x) {
            Topic("Placed", name: "orders-placed")
            Topic("Cancelled", name: "orders-cancelled")
        }
        #expect(Fixtures.codes(distinct) == [])
    }
}
