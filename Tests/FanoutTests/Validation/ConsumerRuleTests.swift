import Fanout
import Testing

/// Functions that drain queues.
@Suite struct ConsumerRuleTests {
    let queue = Fixtures.queue

    /// The edge with its queue replaced by `queue`.
    func service(queue: Queue, @FunctionBuilder consumer: () -> [any FunctionComponent], timeout: Int? = nil) -> Service {
        let events = consumer()
        return Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where (component as? Queue)?.logicalID != "Work" { component }
            queue
            Function("consumer", handler: "c.handler", timeout: timeout) {
                for event in events { event }
            }
        }
    }

    @Test func fan201VisibilityBelowTimeout() {
        let line = #line + 1
        let short = Queue("Work", visibilityTimeout: 10, redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        let failing = service(queue: short, consumer: { SQS(short) }, timeout: 30)
        #expect(Fixtures.codes(failing) == ["FAN201"])
        #expect(Fixtures.diagnostics("FAN201", failing).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN201", failing).first?.message.contains("at least 180 s") == true)
        let enough = Queue("Work", visibilityTimeout: 180, redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        #expect(Fixtures.codes(service(queue: enough, consumer: { SQS(enough) }, timeout: 30)) == [])
    }

    @Test func fan202VisibilityBelowRecommendation() {
        let queue = Queue("Work", visibilityTimeout: 60, redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        let tight = service(queue: queue, consumer: { SQS(queue, maximumBatchingWindow: 30) }, timeout: 6)
        #expect(Fixtures.codes(tight) == ["FAN202"])
        #expect(Fixtures.diagnostics("FAN202", tight).first?.severity == .warning)
        #expect(Fixtures.codes(service(queue: queue, consumer: { SQS(queue, maximumBatchingWindow: 24) }, timeout: 6)) == [])
    }

    @Test func fan203EventSourceSettings() {
        let line = #line + 1
        let failing = service(queue: queue, consumer: { SQS(queue, batchSize: 11, maximumConcurrency: 1) })
        #expect(Fixtures.codes(failing) == ["FAN203", "FAN203"])
        #expect(Fixtures.diagnostics("FAN203", failing).first?.location?.line == line)
        let windowed = Queue("Work", visibilityTimeout: 400, redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        #expect(Fixtures.codes(service(queue: windowed, consumer: { SQS(windowed, batchSize: 10_001, maximumBatchingWindow: 301) }))
            == ["FAN203", "FAN203"])
        #expect(Fixtures.codes(service(queue: windowed, consumer: { SQS(windowed, batchSize: 1000, maximumBatchingWindow: 60, maximumConcurrency: 2) }))
            == [])
    }

    @Test func fan204FIFO() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            let dlq = Queue("DeadLetters", name: "dead-letters")
            let queue = Queue("Orders", name: "orders.fifo", fifo: true, visibilityTimeout: 60,
                              redrivePolicy: RedrivePolicy(deadLetterQueue: dlq))
            let topic = Topic("Events", name: "events")
            dlq
            queue
            topic
            let policy = QueuePolicy("P", queues: [queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                          resources: .one(queue.arn), condition: .arnEquals("aws:SourceArn", topic.arn))
            }
            policy
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true).dependsOn(policy)
            Function("consumer", handler: "c.handler") { SQS(queue, batchSize: 20, maximumBatchingWindow: 5) }
        }
        // The DLQ is standard, the topic is standard, the FIFO event source is batched.
        #expect(Fixtures.codes(service) == ["FAN204", "FAN204", "FAN204", "FAN801"])
        #expect(Fixtures.diagnostics("FAN204", service).first?.location?.line == line + 1)

        let fifo = Service("svc", runtime: .nodejs24x) {
            let dlq = Queue("DeadLetters", name: "dead-letters.fifo", fifo: true)
            let queue = Queue("Orders", name: "orders.fifo", fifo: true, visibilityTimeout: 60,
                              redrivePolicy: RedrivePolicy(deadLetterQueue: dlq))
            let topic = Topic("Events", name: "events.fifo", fifo: true)
            dlq; Alarm("DeadLettersAlarm", metric: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS", dimensions: ["QueueName": dlq.queueName], threshold: 0)
            queue
            topic
            let policy = QueuePolicy("P", queues: [queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                          resources: .one(queue.arn), condition: .arnEquals("aws:SourceArn", topic.arn))
            }
            policy
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true).dependsOn(policy)
            Function("consumer", handler: "c.handler") { SQS(queue, batchSize: 10) }
        }
        #expect(Fixtures.codes(fifo) == [])
        let misnamed = Service("svc", runtime: .nodejs24x) { Queue("Q", name: "q.fifo") }
        #expect(Fixtures.codes(misnamed) == ["FAN204"])
    }

    @Test func fan205NoDeadLetterQueue() {
        let line = #line + 1
        let bare = Queue("Work", visibilityTimeout: 60)
        let failing = service(queue: bare, consumer: { SQS(bare) })
        #expect(Fixtures.codes(failing) == ["FAN205"])
        #expect(Fixtures.diagnostics("FAN205", failing).first?.location?.line == line)
        #expect(Fixtures.codes(service(queue: queue, consumer: { SQS(queue) })) == [])
    }

    @Test func fan206EventSourceNotAQueueARN() {
        let line = #line + 1
        let fromTopic = service(queue: queue, consumer: { SQS(arn: Fixtures.topic.arn) })
        #expect(Fixtures.codes(fromTopic) == ["FAN206"])
        #expect(Fixtures.diagnostics("FAN206", fromTopic).first?.location?.line == line)
        #expect(Fixtures.codes(service(queue: queue, consumer: { SQS(arn: queue.url) })) == ["FAN206"])
        #expect(Fixtures.codes(service(queue: queue, consumer: { SQS(arn: queue.arn) })) == [])
    }

    @Test func fan207FilterPolicyLimits() {
        let line = #line + 1
        let tooMany = Fixtures.filteredEdge(.attributes(["a": ["1"], "b": ["1"], "c": ["1"], "d": ["1"], "e": ["1"], "f": ["1"]]))
        #expect(Fixtures.codes(tooMany) == ["FAN207"])
        #expect(Fixtures.diagnostics("FAN207", tooMany).first?.location?.line == line)
        let values: Value = .list((0..<13).map { .string("v\($0)") })
        let combinations = Fixtures.filteredEdge(.attributes(["a": values, "b": values]))
        #expect(Fixtures.codes(combinations) == ["FAN207"])
        let fine = Fixtures.filteredEdge(.attributes(["a": values, "b": ["1", "2", "3"], "c": ["x"]]))
        #expect(Fixtures.codes(fine) == [])
    }
}
