import Fanout
import Testing

/// Values CloudFormation refuses or reads literally: repeated export names (FAN023),
/// `${AWS::…}` outside `Fn::Sub` (FAN024), unknown intrinsic functions (FAN025) and
/// over-long descriptions (FAN410).
@Suite struct TemplateValueRuleTests {
    @Test func fan023DuplicateExportNames() {
        let line = #line + 4
        let repeated = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            Output("A", value: .ref("T"), exportName: "\(Variable.service)-topic")
            Output("B", value: .ref("T"), exportName: "svc-topic")
        }
        #expect(Fixtures.codes(repeated) == ["FAN023"])
        #expect(Fixtures.diagnostics("FAN023", repeated).first?.location?.line == line)
        let endpoint = Service("svc", runtime: .nodejs24x) {
            Function("api", handler: "api.handler") { HTTP(.get, "/orders") }
            Output("Endpoint", value: .ref("ApiGatewayRestApi"), exportName: "sls-svc-dev-ServiceEndpoint")
        }
        #expect(Fixtures.codes(endpoint) == ["FAN023"])
        #expect(Fixtures.diagnostics("FAN023", endpoint).first?.message.contains("ServiceEndpoint output") == true)
        let distinct = Service("svc", runtime: .nodejs24x) {
            Function("api", handler: "api.handler") { HTTP(.get, "/orders") }
            Topic("T")
            Output("A", value: .ref("T"), exportName: "\(Variable.service)-topic")
            Output("B", value: .ref("T"), exportName: "svc-topic-b")
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan024PseudoParameterInPlainString() {
        let line = #line + 2
        let literal = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("REGION", "${AWS::Region}")
                Environment("QUEUE", .text("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:\(Variable.service)-q"))
            }
        }
        #expect(Fixtures.codes(literal) == ["FAN024", "FAN024"])
        #expect(Fixtures.diagnostics("FAN024", literal).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN024", literal).allSatisfy { $0.severity == .warning })
        #expect(Fixtures.diagnostics("FAN024", literal).first?.message.contains("Variable.region") == true)
        let substituted = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("REGION", .sub("${AWS::Region}"))
                Environment("QUEUE", .sub("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:svc-q"))
                Environment("REGION_NAME", .text("\(Variable.region)"))
            }
        }
        #expect(Fixtures.codes(substituted) == [])
    }

    @Test func fan024SkipsLongFormSubTemplates() {
        let line = #line + 2  // the function's: its environment is where the value is
        let longForm = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("FUNCTION", .function("Fn::Sub", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"))
                Environment("MAP", ["Fn::Sub": ["${AWS::Region}-${Name}", ["Name": "x"]]])
                Environment("VARIABLE", ["Fn::Sub": ["${Name}", ["Name": "${AWS::Region}"]]])
            }
        }
        // Only the variable's value is plain text; the templates are substituted.
        #expect(Fixtures.codes(longForm) == ["FAN024"])
        #expect(Fixtures.diagnostics("FAN024", longForm).first?.location?.line == line)
        let clean = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("FUNCTION", .function("Fn::Sub", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"))
                Environment("MAP", ["Fn::Sub": ["${AWS::Region}-${Name}", ["Name": "x"]]])
            }
        }
        #expect(Fixtures.codes(clean) == [])
    }

    @Test func fan025UnknownIntrinsic() {
        let line = #line + 2
        let unknown = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("FIRST", .function("Fn::Selct", [0, ["a", "b"]]))
                Environment("COUNT", .function("Fn::Length", [["a", "b"]]))
                Environment("SHORT", .function("Select", [0, ["a", "b"]]))
            }
        }
        #expect(Fixtures.codes(unknown) == ["FAN025", "FAN025", "FAN025"])
        #expect(Fixtures.diagnostics("FAN025", unknown).first?.location?.line == line)
        #expect(Fixtures.diagnostics("FAN025", unknown).contains { $0.message.contains("write \"Fn::Select\"") })
        let known = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") {
                Environment("FIRST", .function("Fn::Select", [0, ["a", "b"]]))
                Environment("ENCODED", .function("Fn::Base64", "text"))
            }
        }
        #expect(Fixtures.codes(known) == [])
    }

    @Test func fan410Descriptions() {
        let line = #line + 2
        let long = Service("svc", runtime: .nodejs24x) {
            KMSKey("Key", description: String(repeating: "k", count: 8193))
            Topic("T")
            Output("A", value: .ref("T"), description: String(repeating: "é", count: 513))
        }
        #expect(Fixtures.codes(long) == ["FAN410", "FAN410"])
        #expect(Fixtures.diagnostics("FAN410", long).first?.location?.line == line)
        let fits = Service("svc", runtime: .nodejs24x) {
            KMSKey("Key", description: String(repeating: "k", count: 8192))
            Topic("T")
            Output("A", value: .ref("T"), description: String(repeating: "é", count: 512))
        }
        #expect(Fixtures.codes(fits) == [])
    }

    /// A custom resource's over-long description is FAN410's finding alone, not FAN420's too.
    @Test func fan410ReportsACustomResourceDescriptionOnce() {
        let line = #line + 2
        let long = Service("svc", runtime: .nodejs24x) {
            CustomResource("Role", type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": []],
                "Description": .string(String(repeating: "d", count: 1001)),
            ])
        }
        #expect(Fixtures.codes(long) == ["FAN410"])
        #expect(Fixtures.diagnostics("FAN410", long).first?.location?.line == line)
        let fits = Service("svc", runtime: .nodejs24x) {
            CustomResource("Role", type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": []],
                "Description": .string(String(repeating: "d", count: 1000)),
            ])
        }
        #expect(Fixtures.codes(fits) == [])
    }
}
