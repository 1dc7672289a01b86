import Fanout
import FanoutExamples
import Foundation
import Testing

/// `Service.diagram(_:)`: the built-in examples' diagrams as goldens in both formats, every
/// queue and dead-letter queue drawn, low-level services drawn from the model, and names
/// escaped so any logical ID or name renders.
@Suite struct DiagramTests {
    @Test(arguments: ["seed", "production"])
    func examplesMatchTheirGoldens(_ fixture: String) {
        let service = fixture == "seed" ? Examples.tutorial : Examples.production
        expectGolden(service.diagram(.mermaid), "Fixtures/\(fixture)/graph.mmd")
        expectGolden(service.diagram(.dot), "Fixtures/\(fixture)/graph.dot")
    }

    /// The README shows the examples' Mermaid diagrams as they are generated.
    @Test func theReadmeShowsTheGoldens() throws {
        let readme = try String(contentsOfFile: PackageRoot.path("README.md"), encoding: .utf8)
        for service in [Examples.tutorial, Examples.production] {
            #expect(readme.contains("```mermaid\n" + service.diagram(.mermaid) + "```\n"))
        }
    }

    /// The node identifier of the line that draws `label` as a queue: `n4[("Label")]`.
    func queueNode(_ label: String, in mermaid: String) -> String? {
        mermaid.split(separator: "\n").first { $0.hasSuffix("[(\"\(label)\")]") }
            .map { String($0.drop(while: \.isWhitespace).prefix { $0 != "[" }) }
    }

    @Test func productionDrawsEveryQueueWithItsDeadLetterQueue() throws {
        let service = Examples.production
        let mermaid = service.diagram(.mermaid)
        let queues = service.resources.compactMap { $0 as? Queue }
        let redriven = queues.filter { $0.redrivePolicy != nil }
        try #require(!redriven.isEmpty)
        for queue in redriven {
            let redrive = try #require(queue.redrivePolicy)
            let deadLetter = try #require(queues.first { $0.arn == redrive.deadLetterTargetARN })
            let from = try #require(queueNode("\(queue.logicalID) (SQS queue)", in: mermaid), "\(queue.logicalID)")
            let to = try #require(queueNode("\(deadLetter.logicalID) (SQS dead-letter queue)", in: mermaid), "\(deadLetter.logicalID)")
            #expect(mermaid.contains("    \(from) -.->|\"after \(redrive.maxReceiveCount) receives\"| \(to)\n"))
            #expect(mermaid.contains("class ") && mermaid.split(separator: "\n").last?.contains(to) == true)
            // Each queue is drained by the function whose sqs event names it.
            let drainers = service.functions.filter { function in
                function.events.contains { if case .sqs(let sqs) = $0 { sqs.arn == queue.arn } else { false } }
            }
            #expect(!drainers.isEmpty, "\(queue.logicalID)")
            for function in drainers {
                let line = try #require(mermaid.split(separator: "\n").first { $0.hasSuffix("[\"\(function.key)\"]") })
                let id = line.drop(while: \.isWhitespace).prefix { $0 != "[" }
                #expect(mermaid.contains("    \(from) --> \(id)\n"))
            }
        }
        // Every queue of the service is drawn, dead-letter or not.
        for queue in queues {
            #expect(mermaid.contains("\"\(queue.logicalID) (SQS "), "\(queue.logicalID)")
        }
        // The filtered consumer's edge carries its filter.
        #expect(mermaid.contains("|\"filter (body): priority = high\"|"))
    }

    /// A service written with the low-level DSL draws the same chain: route, function, topic,
    /// queue with its filter and dead-letter queue, consumer.
    @Test func lowLevelServicesDrawFromTheModel() {
        let topic = Topic("Events")
        let deadLetters = Queue("Dead")
        let queue = Queue("Work", redrivePolicy: RedrivePolicy(deadLetterQueue: deadLetters, maxReceiveCount: 3))
        let service = Service("svc", runtime: .nodejs24x) {
            Function("api", handler: "api.handler") {
                HTTP(.get, "/items")
                Environment("TOPIC", topic.arn)
            }
            Function("worker", handler: "worker.handler") { SQS(queue) }
            Function("idle", handler: "idle.handler")
            topic
            deadLetters
            queue
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true, filter: .attributes(["kind": ["a", "b"]]))
        }
        #expect(service.diagram(.mermaid) == """
            flowchart LR
                n1(["GET /items"])
                n2["api"]
                n3["worker"]
                n4["idle"]
                n5{{"Events (SNS topic)"}}
                n6[("Dead (SQS dead-letter queue)")]
                n7[("Work (SQS queue)")]
                n1 --> n2
                n2 -->|"publishes"| n5
                n5 -->|"filter: kind = a #124; b"| n7
                n7 -.->|"after 3 receives"| n6
                n7 --> n3
                classDef deadLetter fill:#fde2e2,stroke:#c0392b
                class n6 deadLetter

            """)
        #expect(service.diagram(.dot).contains("    n7 -> n6 [label=\"after 3 receives\", style=dashed];\n"))
        // The twin: nothing to draw but the functions.
        let bare = Service("svc", runtime: .nodejs24x) { Function("idle", handler: "idle.handler") }
        #expect(bare.diagram(.mermaid) == "flowchart LR\n    n1[\"idle\"]\n")
    }

    /// Names that are syntax in either format are escaped; identifiers are generated.
    @Test func namesAreEscaped() {
        let hostile = "a\"b#c<d>e&f|g`h\\i\nj"
        let topic = Topic("T")
        let service = Service("svc\"x", runtime: .nodejs24x) {
            Function(hostile, handler: "h.handler") { Environment("T", topic.arn) }
            topic
        }
        let mermaid = service.diagram(.mermaid)
        #expect(mermaid.contains("    n1[\"a#quot;b#35;c#lt;d#gt;e#amp;f#124;g#96;h\\i j\"]\n"))
        let dot = service.diagram(.dot)
        #expect(dot.hasPrefix("digraph \"svc\\\"x\" {\n"))
        #expect(dot.contains("    n1 [label=\"a\\\"b#c<d>e&f|g`h\\\\i\\nj\", shape=box, style=rounded];\n"))
    }
}
