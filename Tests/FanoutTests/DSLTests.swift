import Fanout
import Testing

@Suite struct DSLTests {
    @Test func builderKeepsDeclarationOrderWithLoopsAndConditions() {
        let names = ["one", "two", "three"]
        let withExtra = true
        let service = Service("svc", runtime: .nodejs24x) {
            for name in names {
                Queue("Queue\(name.capitalized)")
            }
            if withExtra {
                Topic("Extra")
            } else {
                Topic("Other")
            }
            if !withExtra {
                Topic("Never")
            }
        }
        #expect(service.resources.map(\.logicalID) == ["QueueOne", "QueueTwo", "QueueThree", "Extra"])
    }

    @Test func elementsRecordWhereTheyWereDeclared() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Queue("Q")
            Function("f", handler: "f.handler") {
                HTTP(.get, "/")
            }
        }
        #expect(service.resources[0].location.line == line)
        #expect(service.resources[0].location.file.hasSuffix("Tests/FanoutTests/DSLTests.swift"))
        #expect(service.functions[0].location.line == line + 1)
        guard case .http(let http)? = service.functions[0].events.first else {
            Issue.record("expected an http event")
            return
        }
        #expect(http.location.line == line + 2)
    }

    @Test func typedHandlesRenderAsRefAndGetAtt() {
        let topic = Topic("T")
        let queue = Queue("Q")
        #expect(topic.arn == .ref("T"))
        #expect(queue.arn == .getAtt("Q", "Arn"))
        #expect(queue.url == .ref("Q"))
        #expect(Subscription("S", topic: topic, queue: queue).properties["Endpoint"] == .getAtt("Q", "Arn"))
    }

    @Test func dependsOnNamesTheOtherResources() {
        let queue = Queue("Q")
        let policy = QueuePolicy("P", queues: [queue]) {}
        let subscription = Subscription("S", topic: Topic("T"), queue: queue).dependsOn(policy)
        #expect(subscription.dependsOn == ["P"])
        #expect(subscription.definition.mapValue?["DependsOn"] == .string("P"))
    }

    @Test func environmentAndEventsKeepOrder() {
        let function = Function("f", handler: "h") {
            Environment("B", "2")
            Environment("A", "1")
            SQS(arn: "arn:aws:sqs:eu-central-1:123456789012:q", batchSize: 5)
            HTTP(.post, "/x")
        }
        #expect(Array(function.environment.keys) == ["B", "A"])
        #expect(function.events.count == 2)
    }

    @Test func statementKeepsOneOrManyAsWritten() {
        let queue = Queue("Q")
        let one = Statement(actions: "sqs:SendMessage", resources: .one(queue.arn))
        let many = Statement(actions: ["sqs:SendMessage"], resources: [queue.arn])
        #expect(one.value.mapValue?["Action"] == .string("sqs:SendMessage"))
        #expect(many.value.mapValue?["Action"] == .list([.string("sqs:SendMessage")]))
        #expect(many.value.mapValue?["Resource"] == .list([queue.arn]))
    }
}
