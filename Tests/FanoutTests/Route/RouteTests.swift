import Fanout
import FanoutExamples
import OrderedCollections
import Testing

/// `service.route(message:attributes:topic:)`, the JSON reader with positions and message
/// attributes as the command line takes them.
@Suite struct RouteTests {
    @Test func productionLowPrioritySkipsTheUrgentConsumer() throws {
        let route = try Examples.production.route(message: #"{"priority":"low"}"#)
        #expect(route.topic == "NotificationTopic")
        #expect(route.receivers == ["processorOne", "processorTwo"])
        #expect(route.skipped.map(\.consumer) == ["urgentProcessor"])
        #expect(route.skipped.first?.subscription == "UrgentProcessorSubscription")
        #expect(route.skipped.first?.reason == #"body key priority: "low" does not match ["high"]"#)
    }

    @Test func productionHighPriorityReachesEveryConsumer() throws {
        let route = try Examples.production.route(message: #"{"priority":"high"}"#)
        #expect(route.receivers == ["processorOne", "processorTwo", "urgentProcessor"])
        #expect(route.skipped.isEmpty)
    }

    @Test func attributePoliciesReadTheAttributes() throws {
        let service = Service("orders", runtime: .nodejs24x) {
            let topic = Topic("Orders")
            topic
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler").filter(["total": [.numeric(">", 0)]])
                Consumer("audit", handler: "src/audit.handler").filter(["kind": [.anythingBut(["test"])]])
            }
        }
        let route = try service.route(message: "{}", attributes: ["total": .number("12.5"), "kind": .string("test")])
        #expect(route.receivers == ["billing"])
        #expect(route.skipped.map(\.reason) == [#"attribute kind: "test" does not match [{"anything-but": ["test"]}]"#])
        #expect(try service.route(message: "{}", attributes: ["kind": .string("live")]).receivers == ["audit"])
    }

    @Test func topicChoiceIsExplained() throws {
        let two = Service("two", runtime: .nodejs24x) {
            let a = Topic("A")
            let b = Topic("B")
            a
            b
            FanOut(from: a) { Consumer("one", handler: "src/one.handler") }.withoutAlarms()
            FanOut(from: b) { Consumer("two", handler: "src/two.handler") }.withoutAlarms()
        }
        #expect(throws: RouteError.ambiguousTopic(candidates: ["A", "B"])) { try two.route(message: "{}") }
        #expect(throws: RouteError.unknownTopic("C", candidates: ["A", "B"])) { try two.route(message: "{}", topic: "C") }
        #expect(try two.route(message: "{}", topic: "A").receivers == ["one"])
        #expect(try two.route(message: "{}", topic: "B").receivers == ["two"])
    }

    /// A topic that feeds no queue (the alarm topic, a spare one) does not make the choice
    /// ambiguous, but it can still be named.
    @Test func theTopicFeedingQueuesIsTheDefault() throws {
        let service = Service("one", runtime: .nodejs24x) {
            let a = Topic("A")
            let spare = Topic("Spare")
            a
            spare
            FanOut(from: a) { Consumer("one", handler: "src/one.handler") }
        }
        #expect(try service.route(message: "{}").topic == "A")
        #expect(try service.route(message: "{}").receivers == ["one"])
        #expect(throws: RouteError.noSubscriptions(topic: "Spare")) { try service.route(message: "{}", topic: "Spare") }
        #expect(throws: RouteError.noSubscriptions(topic: "AlarmTopic")) { try service.route(message: "{}", topic: "AlarmTopic") }
        let none = Service("none", runtime: .nodejs24x) { Function("f", handler: "src/f.handler") }
        #expect(throws: RouteError.noTopic) { try none.route(message: "{}") }
        #expect(RouteError.ambiguousTopic(candidates: ["A", "B"]).description.contains("--topic"))
    }

    @Test func jsonErrorsSayWhere() {
        #expect(throws: JSONReadError(line: 1, column: 13, message: "a string that is never closed; end it with a double quote")) {
            try JSONReader.read(#"{"priority":"lo"#)
        }
        #expect(throws: JSONReadError(line: 2, column: 3, message: "expected ',' or '}' in an object, found '\"'")) {
            try JSONReader.read("{\"a\": 1\n  \"b\": 2}")
        }
        #expect(throws: JSONReadError(line: 1, column: 2, message: "unexpected 'p' where a value belongs; strings take double quotes (\"text\")")) {
            try JSONReader.read("[priority]")
        }
        #expect((try? JSONReader.read(#"{"a": [1, 2.5e1, "\u00e9", null, true]}"#))
            == .object(["a": .array([.number(1, text: "1"), .number(25, text: "2.5e1"), .string("é"), .null, .bool(true)])]))
    }

    @Test func attributesFromTheCommandLine() throws {
        #expect(try MessageAttribute.parse("color=red") == ("color", .string("red")))
        #expect(try MessageAttribute.parse("price=12.5:Number") == ("price", .number("12.5")))
        #expect(try MessageAttribute.parse("url=http://x") == ("url", .string("http://x")))
        #expect(try MessageAttribute.parse(#"tags=["a",1]:String.Array"#) == ("tags", .stringArray(#"["a",1]"#)))
        #expect(throws: MessageAttributeError.self) { try MessageAttribute.parse("price=cheap:Number") }
        #expect(throws: MessageAttributeError.self) { try MessageAttribute.parse("=x") }
        #expect(throws: MessageAttributeError.self) { try MessageAttribute.parse("empty=") }
        let cli = try MessageAttribute.attributes(awsCLI: #"""
            {"color": {"DataType": "String", "StringValue": "red"}, "n": {"DataType": "Number.int", "StringValue": "3"},
             "tags": {"DataType": "String.Array", "StringValue": "[\"a\", \"b\"]"}}
            """#)
        #expect(cli == ["color": .string("red"), "n": .number("3"), "tags": .stringArray(#"["a", "b"]"#)])
        #expect(throws: MessageAttributeError.self) { try MessageAttribute.attributes(awsCLI: #"{"c": {"DataType": "Text", "StringValue": "x"}}"#) }
        #expect(throws: MessageAttributeError.self) { try MessageAttribute.attributes(awsCLI: #"{"c": {"DataType": "String.Array", "StringValue": "a"}}"#) }
    }
}
