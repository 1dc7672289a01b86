import Fanout
import OrderedCollections
import Testing

/// Filter policies SNS refuses for their operators, operands, shape or size (FAN208–FAN211).
@Suite struct FilterPolicyOperandRuleTests {
    /// The edge fixture with its subscription filtered by `policy`, declared on `line`.
    func service(
        _ policy: OrderedDictionary<String, Value>, scope: FilterPolicyScope = .messageAttributes, line: Int = #line
    ) -> Service {
        Fixtures.filteredEdge(FilterPolicy(scope: scope, policy), line: line)
    }

    @Test func fan208MatchersSNSRefuses() {
        let line = #line + 1
        let failing = service([
            "a": [["prefix": 5]],
            "b": [["exists": "yes"]],
            "c": [["wildcard": "x*"]],
            "d": [["prefix": "x", "suffix": "y"]],
            "e": [["anything-but": ["suffix": "x"]]],
        ])
        #expect(Fixtures.codes(failing) == Array(repeating: "FAN208", count: 5))
        #expect(Fixtures.codes(service(["a": [.anythingBut(["x", 1])], "b": [.anythingBut([])], "c": [["anything-but": ["prefix": ""]]]]))
            == ["FAN208", "FAN208", "FAN208"])
        // An empty prefix is accepted but filters nothing.
        let everything = service(["a": [.prefix("")]])
        #expect(Fixtures.codes(everything) == ["FAN208"])
        #expect(Fixtures.diagnostics("FAN208", everything).first?.severity == .warning)
        #expect(Fixtures.diagnostics("FAN208", failing).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN208", failing).allSatisfy { $0.severity == .error })
        #expect(Fixtures.diagnostics("FAN208", failing).contains { $0.message.contains("EventBridge") })
        let fine = service([
            "a": [.prefix("x"), .suffix("y")],
            "b": [.exists(true)],
            "c": [["cidr": "10.0.0.0/24"], ["cidr": "2001:db8::/32"]],
            "d": [["anything-but": ["prefix": "x"]], .anythingBut(["a", "b"]), .anythingBut([1, 2])],
            "e": [["equals-ignore-case": "X"]],
        ])
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func longFormIntrinsicOperandsAreNotJudged() {
        let longForm = service([
            "a": [["prefix": ["Ref": "Topic"]]],
            "b": [["Fn::ImportValue": "allowed-value"]],
            "c": [["numeric": [">", ["Fn::ImportValue": "low"]]]],
            "d": [["anything-but": ["Fn::ImportValue": "excluded"]], ["anything-but": [["Ref": "Topic"], "x"]]],
            "e": [["cidr": ["Fn::ImportValue": "network"]], ["exists": ["Fn::ImportValue": "present"]]],
        ])
        #expect(Fixtures.codes(longForm) == [])
        // The twin: the same shapes with literals SNS refuses.
        let literal = service([
            "a": [["prefix": ["Reference": "Topic"]]],
            "b": [["ImportValue": "allowed-value"]],
            "c": [["numeric": [">", ["ImportValue": "low"]]]],
            "d": [["anything-but": ["ImportValue": "excluded"]]],
            "e": [["cidr": ["ImportValue": "network"]]],
        ])
        #expect(Fixtures.codes(literal) == ["FAN208", "FAN208", "FAN208", "FAN208", "FAN209"])
    }

    @Test func serverlessVariableOperandsAreNotJudged() {
        // serverless.yml keeps the variables for the Serverless Framework to resolve.
        func codes(_ service: Service) -> [String] {
            Validator().validate(service, on: Fixtures.day, target: .serverless).decided.map(\.code).sorted()
        }
        let variables = service([
            "a": [["numeric": [">", .text("${self:custom.minimum}")]]],
            "b": [["numeric": .text("${self:custom.range}")]],
            "c": [["numeric": [.text("${self:custom.comparison}"), 5]]],
            "d": [["exists": .text("${self:custom.present}")]],
            "e": [["cidr": .text("${self:custom.network}")], ["prefix": .text("${self:custom.prefix}")]],
        ])
        #expect(codes(variables) == [])
        // The twin: the same places with literals SNS refuses.
        let literals = service([
            "a": [["numeric": [">", "minimum"]]],
            "b": [["numeric": "range"]],
            "c": [["numeric": ["comparison", 5]]],
            "d": [["exists": "present"]],
            "e": [["cidr": "network"], ["prefix": 5]],
        ])
        #expect(codes(literals) == ["FAN208", "FAN208", "FAN208", "FAN209", "FAN209", "FAN209"])
    }

    @Test func fan208MalformedNetworks() {
        let failing = service(["ip": [["cidr": "10.0.0.1/24"], ["cidr": "10.0.0.0"], ["cidr": "300.0.0.0/8"], ["cidr": 10]]])
        #expect(Fixtures.codes(failing) == Array(repeating: "FAN208", count: 4))
        #expect(Fixtures.codes(service(["ip": [["cidr": "10.0.0.0/8"], ["cidr": "192.168.1.7/32"]]])) == [])
    }

    @Test func fan209NumericMatching() {
        let line = #line + 1
        let failing = service([
            "p": [["numeric": ["<", 0, "<=", 5]]],
            "q": [["numeric": [">", 5, "<", 5]]],
            "r": [["numeric": ["~", 1]]],
            "s": [["numeric": ["=", "1"]]],
        ])
        #expect(Fixtures.codes(failing) == Array(repeating: "FAN209", count: 4))
        #expect(Fixtures.diagnostics("FAN209", failing).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN209", failing).allSatisfy { $0.severity == .error })
        let huge = service(["p": [2_000_000_000]])
        #expect(Fixtures.codes(huge) == ["FAN209"])
        #expect(Fixtures.diagnostics("FAN209", huge).first?.severity == .warning)
        let fine = service([
            "p": [.numeric(">=", 0)],
            "q": [["numeric": [">", 0, "<=", 5]]],
            "r": [1_000_000_000, -1_000_000_000],
        ])
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func fan210EmptyListsAndOr() {
        let line = #line + 1
        let failing = service(["a": [], "$or": [["b": ["x"]]]], scope: .messageBody)
        #expect(Fixtures.codes(failing) == ["FAN210", "FAN210"])
        #expect(Fixtures.diagnostics("FAN210", failing).map(\.severity).sorted() == [.error, .warning])
        #expect(Fixtures.diagnostics("FAN210", failing).first?.location?.line == line)
        let fine = service(["a": ["x"], "$or": [["b": ["x"]], ["c": ["y"]]]], scope: .messageBody)
        #expect(Fixtures.codes(fine) == [])
    }

    /// The rules share one audit per subscription: each finding appears once, under its
    /// own rule's code, for each filtered subscription, in declaration order.
    @Test func eachFindingIsReportedOnceByItsRule() {
        let policy: FilterPolicy = .body([
            "a": [["prefix": 5]], "b": [["numeric": ["~", 1]]], "c": [], "d": ["e": ["f": [["wildcard": "x"]]]],
        ])
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge where !(component is Subscription) { component }
            Subscription("One", topic: Fixtures.topic, queue: Fixtures.queue, rawMessageDelivery: true, filter: policy)
                .dependsOn(Fixtures.policy)
            Subscription("Two", topic: Fixtures.topic, queue: Fixtures.queue, rawMessageDelivery: true, filter: policy)
                .dependsOn(Fixtures.policy)
        }
        let found = Validator().validate(service, on: Fixtures.day).filter { $0.code.hasPrefix("FAN2") && $0.code >= "FAN208" }
        #expect(found.map(\.code) == ["FAN208", "FAN208", "FAN209", "FAN210", "FAN208", "FAN208", "FAN209", "FAN210"])
        #expect(found.map { $0.location?.line } == Array(repeating: line, count: 4) + Array(repeating: line + 2, count: 4))
        #expect(found[1].message == "the filter policy of One: 'd.e.f' uses the operator 'wildcard', which SNS does not know (wildcard matching is EventBridge's, not SNS's) (\"Unrecognized match type\"); use one of prefix, suffix, equals-ignore-case, anything-but, numeric, exists, cidr")
    }

    @Test func fan211PolicySize() {
        let line = #line + 1
        let big = service(["a": [.string(String(repeating: "x", count: 270_000))]])
        // The policy is in the template too, so the template-size warning comes along.
        #expect(Fixtures.codes(big) == ["FAN211", "FAN404"])
        #expect(Fixtures.diagnostics("FAN211", big).first?.location?.line == line)
        let fits = service(["a": [.string(String(repeating: "x", count: 260_000))]])
        #expect(Fixtures.codes(fits) == ["FAN404"])
    }
}
