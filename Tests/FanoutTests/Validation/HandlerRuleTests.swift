import Fanout
import Testing

/// FAN012: handlers Lambda accepts and the runtime can load.
@Suite struct HandlerRuleTests {
    @Test func fan012MalformedHandlers() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Function("empty", handler: "")
            Function("spaced", handler: "src/app handler")
            Function("long", handler: String(repeating: "a", count: 125) + ".run")
            Function("nodot", handler: "src/app")
            Function("nomodule", handler: "src/.handler")
            Function("noexport", handler: "src/app.")
            Function("absolute", handler: "/src/app.handler")
            Function("dashed", handler: "src/app.my-handler", runtime: .python313)
            Function("doubleslash", handler: "src//app.handler", runtime: .python313)
            Function("pyfunction", handler: "app.1handler", runtime: .python313)
        }
        #expect(Fixtures.codes(service) == Array(repeating: "FAN012", count: 10))
        let diagnostics = Fixtures.diagnostics("FAN012", service)
        #expect(diagnostics.map { $0.location?.line } == Array(line..<line + 10))
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].message.contains("src/orders.handler"))
        #expect(diagnostics[2].message.contains("129 characters"))
    }

    /// Node.js finds any export by name and reads `//` as `/`: both deploy and load, so they
    /// are warnings there (errors for Python, above).
    @Test func fan012NodeExportNamesAndDoubledSlashesAreWarnings() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Function("dashed", handler: "src/app.my-handler")
            Function("doubleslash", handler: "src//app.handler")
        }
        #expect(Fixtures.codes(service) == ["FAN012", "FAN012"])
        let diagnostics = Fixtures.diagnostics("FAN012", service)
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1])
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
        #expect(diagnostics[0].message.contains("exports[\"my-handler\"]"))
        #expect(diagnostics[1].message.contains("write a single '/'"))
        let clean = Service("svc", runtime: .nodejs24x) {
            Function("dashed", handler: "src/app.myHandler")
            Function("doubleslash", handler: "src/app.handler")
        }
        #expect(Fixtures.codes(clean) == [])
    }

    @Test func fan012HandlerNamingTheFileExtension() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Function("node", handler: "src/app.js.handler")
            Function("python", handler: "src/app.py.handler", runtime: .python313)
        }
        #expect(Fixtures.codes(service) == ["FAN012", "FAN012"])
        let diagnostics = Fixtures.diagnostics("FAN012", service)
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("with its extension") })
    }

    @Test func wellFormedHandlersAreClean() {
        let service = Service("svc", runtime: .nodejs24x) {
            Function("node", handler: "src/app.handler")
            Function("nested", handler: "index.handlers.process")
            Function("dollar", handler: "lib/app.$main")
            Function("longest", handler: String(repeating: "a", count: 124) + ".run")
            Function("python", handler: "pkg.module.handler", runtime: .python313)
            Function("ruby", handler: "function.Handler::Process.call", runtime: "ruby3.4")
            Function("java", handler: "com.example.Handler::handleRequest", runtime: "java21")
            Function("custom", handler: "bootstrap", runtime: .providedAL2023)
        }
        #expect(Fixtures.codes(service) == [])
    }
}
