import Fanout
import Testing

/// Service, stage and stack names the Serverless Framework or CloudFormation refuse (FAN020–FAN022).
@Suite struct ServiceNamingRuleTests {
    @Test func fan020ServiceName() {
        for name in ["my_service", "", "1orders", "x"] {
            let line = #line + 1
            let service = Service(name, runtime: .nodejs24x) { Topic("T") }
            #expect(Fixtures.codes(service) == ["FAN020"], "\(name)")
            #expect(Fixtures.diagnostics("FAN020", service).first?.location?.line == line)
        }
        #expect(Fixtures.diagnostics("FAN020", Service("my_service", runtime: .nodejs24x) { Topic("T") })
            .first?.message.contains("'my-service'") == true)
        for name in ["my-service", "Orders2", "ab"] {
            #expect(Fixtures.codes(Service(name, runtime: .nodejs24x) { Topic("T") }) == [], "\(name)")
        }
    }

    @Test func fan021StageName() {
        let line = #line + 1
        let service = Service("svc", runtime: .nodejs24x, stage: "dev_1") { Topic("T") }
        #expect(Fixtures.codes(service) == ["FAN021"])
        #expect(Fixtures.diagnostics("FAN021", service).first?.location?.line == line)
        #expect(Fixtures.codes(Service("svc", runtime: .nodejs24x, stage: "") { Topic("T") }) == ["FAN021"])
        #expect(Fixtures.codes(Service("svc", runtime: .nodejs24x, stage: "prod-eu-1") { Topic("T") }) == [])
    }

    @Test func fan022StackName() {
        // `<service>-<stage>`: 124 + 1 + 4 = 129 characters, then 128.
        let line = #line + 1
        let long = Service("s" + String(repeating: "x", count: 123), runtime: .nodejs24x, stage: "prod") { Topic("T") }
        #expect(Fixtures.codes(long) == ["FAN022"])
        #expect(Fixtures.diagnostics("FAN022", long).first?.location?.line == line)
        let fits = Service("s" + String(repeating: "x", count: 122), runtime: .nodejs24x, stage: "prod") { Topic("T") }
        #expect(Fixtures.codes(fits) == [])
    }
}
