import Fanout
import Testing

/// FAN013 and FAN014: dependencies CloudFormation can order, and pseudo parameters it knows.
@Suite struct TemplateReferenceRuleTests {
    @Test func fan013QueuesThatAreEachOthersDeadLetterQueue() {
        let line = #line + 1
        var first = Queue("First")
        let second = Queue("Second", redrivePolicy: RedrivePolicy(deadLetterTargetARN: .getAtt("First", "Arn")))
        first.redrivePolicy = RedrivePolicy(deadLetterQueue: second)
        let service = Service("svc", runtime: .nodejs24x) {
            first
            second
        }
        // Each is the other's unwatched dead-letter queue, too (FAN801).
        #expect(Fixtures.codes(service) == ["FAN013", "FAN801", "FAN801"])
        let diagnostic = Fixtures.diagnostics("FAN013", service).first
        // At the resource that closes the circle, in declaration order.
        #expect(diagnostic?.location?.line == line + 1)
        #expect(diagnostic?.message.contains("First refers to Second, Second refers to First") == true)
        let chain = Service("svc", runtime: .nodejs24x) {
            Queue("Last")
            Queue("First", redrivePolicy: RedrivePolicy(deadLetterTargetARN: .getAtt("Last", "Arn")))
        }
        #expect(Fixtures.codes(chain) == ["FAN801"])
    }

    @Test func fan013SelfAndCircularDependsOn() {
        let line = #line + 1
        var topic = Topic("Topic")
        topic.dependsOn = ["Topic"]
        var one = Topic("One")
        one.dependsOn = ["Two"]
        let two = Topic("Two").dependsOn(one)
        let service = Service("svc", runtime: .nodejs24x) {
            topic
            one
            two
        }
        #expect(Fixtures.codes(service) == ["FAN013", "FAN013"])
        let diagnostics = Fixtures.diagnostics("FAN013", service)
        #expect(diagnostics.first?.location?.line == line)
        #expect(diagnostics.first?.message.contains("Topic depends on itself") == true)
        #expect(diagnostics.last?.message.contains("One depends on Two, Two depends on One") == true)
        let ordered = Service("svc", runtime: .nodejs24x) {
            Topic("One")
            Topic("Two").dependsOn(Topic("One"))
        }
        #expect(Fixtures.codes(ordered) == [])
    }

    @Test func fan013CycleThroughAGeneratedFunction() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            CustomResource("WorkerArn", type: "AWS::SSM::Parameter",
                           properties: ["Type": "String", "Value": .getAtt("WorkerLambdaFunction", "Arn")])
            Function("worker", handler: "w.handler") {
                Environment("PARAMETER", .ref("WorkerArn"))
            }
        }
        #expect(Fixtures.codes(service) == ["FAN013"])
        let diagnostic = Fixtures.diagnostics("FAN013", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("WorkerLambdaFunction refers to WorkerArn") == true)
        let oneWay = Service("svc", runtime: .nodejs24x) {
            CustomResource("WorkerArn", type: "AWS::SSM::Parameter",
                           properties: ["Type": "String", "Value": .getAtt("WorkerLambdaFunction", "Arn")])
            Function("worker", handler: "w.handler")
        }
        #expect(Fixtures.codes(oneWay) == [])
    }

    @Test func fan014UnknownPseudoParameter() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("Topic")
            Output("Region", value: .ref("AWS::Regoin"))
            Output("Arn", value: .sub("arn:${AWS::Partitoin}:sns:${AWS::Region}:${AWS::AccountId}:x"))
            Output("Stack", value: ["Fn::Join": ["-", [["Ref": "AWS::Stack"], "x"]]])
        }
        #expect(Fixtures.codes(service) == ["FAN014", "FAN014", "FAN014"])
        let diagnostics = Fixtures.diagnostics("FAN014", service)
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1, line + 2])
        #expect(diagnostics[0].message.contains("Did you mean AWS::Region?"))
        #expect(diagnostics[1].message.contains("'AWS::Partitoin'"))
        let known = Service("svc", runtime: .nodejs24x) {
            Output("Region", value: .pseudo(.region))
            Output("Arn", value: .sub("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:x"))
            Output("Literal", value: .sub("${!AWS::Foo}"))
        }
        #expect(Fixtures.codes(known) == [])
    }

    @Test func fan014ChecksLongFormSubPlaceholders() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("Topic")
            Output("Function", value: .function("Fn::Sub", "arn:${AWS::Partitoin}:sns:${AWS::Region}:x"))
            Output("Map", value: ["Fn::Sub": ["${AWS::Regoin}-${Name}", ["Name": "x"]]])
        }
        #expect(Fixtures.codes(service) == ["FAN014", "FAN014"])
        let diagnostics = Fixtures.diagnostics("FAN014", service)
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1])
        #expect(diagnostics[0].message.contains("'AWS::Partitoin'"))
        #expect(diagnostics[1].message.contains("'AWS::Regoin'"))
        let known = Service("svc", runtime: .nodejs24x) {
            Output("Function", value: .function("Fn::Sub", "arn:${AWS::Partition}:sns:${AWS::Region}:x"))
            // A placeholder the Sub's own variables define is no pseudo parameter.
            Output("Map", value: ["Fn::Sub": ["${AWS::Custom}-x", ["AWS::Custom": "x"]]])
        }
        #expect(Fixtures.codes(known) == [])
    }
}
