import Fanout
import Testing

/// FAN007: values nested too deeply to walk or write, found without recursing. (Values
/// thousands of levels deep are tested in a child process: FuzzTests.)
@Suite struct NestingCheckTests {
    /// `leaf` in `depth` lists.
    func nested(_ depth: Int) -> Value {
        var value: Value = "leaf"
        for _ in 0..<depth { value = [value] }
        return value
    }

    func codes(_ service: Service) -> [String] {
        NestingCheck.diagnostics(for: service).map(\.code)
    }

    @Test func nestingDepthCountsWhatJSONWrites() {
        #expect(Value.string("x").nestingDepth == 0)
        #expect(Value.list([]).nestingDepth == 1)
        #expect(Value.map(["a": [1, [2]]]).nestingDepth == 3)
        #expect(Value.ref("X").nestingDepth == 1)
        #expect(Value.getAtt("X", "Arn").nestingDepth == 2)
        #expect(Value.sub("${X}").nestingDepth == 1)
        #expect(Value.sub("${X}", ["X": [1]]).nestingDepth == 4)
        #expect(Value.join(",", []).nestingDepth == 3)
        #expect(Value.function("Fn::Base64", .ref("X")).nestingDepth == 2)
        #expect(nested(500).nestingDepth == 500)
        #expect(nested(501).nests(deeperThan: 500))
        #expect(!nested(500).nests(deeperThan: 500))
    }

    @Test func fan007ValueTooDeep() throws {
        #expect(NestingCheck.valueLimit == 500)
        let line = #line + 2
        let deep = Service("svc", runtime: .nodejs24x) {
            CustomResource("Config", type: "Custom::Config", properties: ["Tree": nested(501)])
        }
        #expect(codes(deep) == ["FAN007"])
        // The validator checks nesting first and stops there.
        #expect(Fixtures.codes(deep) == ["FAN007"])
        let diagnostic = try #require(NestingCheck.diagnostics(for: deep).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.path == "Resources.Config.Properties.Tree")
        #expect(diagnostic.message.contains("property Tree of Config is nested 501 levels deep"))
        let clean = Service("svc", runtime: .nodejs24x) {
            CustomResource("Config", type: "Custom::Config", properties: ["Tree": nested(500)])
        }
        #expect(codes(clean) == [])
        #expect(!Fixtures.codes(clean).contains("FAN007"))
        // At the limit the service compiles, renders in both formats, and validates.
        #expect(throws: Never.self) { try clean.cloudFormation(.yaml) }
        #expect(throws: Never.self) { try clean.cloudFormation(.json) }
        #expect(throws: Never.self) { try clean.serverlessYAML() }
    }

    @Test func fan007EveryPlaceAValueLives() {
        let deep = nested(600)
        let line = #line + 1
        let service = Service("svc", runtime: .nodejs24x) {
            IAM { Statement(actions: ["s3:GetObject"], resources: [deep]) }
            Function("worker", handler: "w.handler") {
                Environment("TREE", deep)
                SQS(arn: deep)
                Statement(actions: ["s3:GetObject"], resources: .one("*"), condition: .stringEquals("k", deep))
            }
            Fixtures.topic
            Fixtures.queue
            Subscription("Sub", topic: Fixtures.topic, queue: Fixtures.queue, filter: .attributes(["k": deep]))
            Output("Tree", value: deep)
        }
        let found = NestingCheck.diagnostics(for: service)
        #expect(found.map(\.path) == [
            "provider.iam.role.statements[0]",
            "functions.worker.environment.TREE", "functions.worker.events", "functions.worker.iam[0]",
            "Resources.Sub.Properties.FilterPolicy", "Outputs.Tree.Value",
        ])
        #expect(found.allSatisfy { $0.code == "FAN007" && $0.severity == .error })
        #expect(found.allSatisfy { $0.location?.line == line + 1 || $0.location?.line ?? 0 > line })
    }
}
