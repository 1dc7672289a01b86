import Fanout
import Testing

/// `http` paths API Gateway refuses or the two outputs read differently (FAN026).
@Suite struct HTTPPathRuleTests {
    func service(_ paths: [String], line: Int = #line) -> Service {
        Service("svc", runtime: .nodejs24x) {
            Function("api", handler: "api.handler") {
                for path in paths { HTTP(.get, path, line: line) }
            }
        }
    }

    @Test func fan026RefusedPaths() {
        for path in ["/orders list", "/orders//items", "/{proxy+}/more", "/orders/{id", "/a/{}", "/caf\u{E9}"] {
            let line = #line + 1
            let failing = service([path])
            #expect(Fixtures.codes(failing) == ["FAN026"], "\(path)")
            #expect(Fixtures.diagnostics("FAN026", failing).first?.location?.line == line)
        }
        let siblings = service(["/orders/{id}", "/orders/{orderId}/lines"])
        #expect(Fixtures.codes(siblings) == ["FAN026"])
        #expect(Fixtures.codes(service(["/", "/orders/{id}", "/orders/{id}/lines", "/files/{proxy+}", "/v1.0/a_b-c:d$/"])) == [])
    }
}
