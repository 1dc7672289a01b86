import Fanout
import Testing

@Suite struct RuntimeRuleTests {
    func service(_ runtime: Runtime, override: Runtime? = nil) -> Service {
        Service("svc", runtime: runtime) {
            Function("f", handler: "f.handler", runtime: override)
        }
    }

    @Test func fan501Deprecated() {
        let line = #line + 1
        let deprecated = Service("svc", runtime: .nodejs18x) { Function("f", handler: "f.handler") }
        #expect(Fixtures.codes(deprecated, on: Day(year: 2026, month: 11, day: 26)) == ["FAN501"])
        #expect(Fixtures.diagnostics("FAN501", deprecated).first?.location?.line == line)
        #expect(Fixtures.codes(service(.nodejs18x), on: Day(year: 2025, month: 8, day: 31)) == [])
        #expect(Fixtures.codes(service(.nodejs24x), on: Day(year: 2026, month: 11, day: 26)) == [])
    }

    @Test func fan502BlockedForCreate() {
        #expect(Fixtures.codes(service(.nodejs18x), on: Day(year: 2027, month: 2, day: 1)) == ["FAN502"])
        #expect(Fixtures.codes(service(.nodejs18x), on: Day(year: 2027, month: 1, day: 31)) == ["FAN501"])
        let overridden = service(.nodejs24x, override: .nodejs20x)
        let diagnostics = Validator().validate(overridden, on: Day(year: 2027, month: 3, day: 1)).decided
        #expect(diagnostics.map(\.code) == ["FAN502"])
        #expect(diagnostics.first?.path == "functions.f.runtime")
        #expect(diagnostics.first?.location?.line == 7)  // the Function line in service(_:override:)
    }

    @Test func fan503Unknown() {
        #expect(Fixtures.codes(service("nodejs99.x")) == ["FAN503"])
        #expect(Fixtures.codes(service(.python313)) == [])
    }

    @Test func daysParseStrictly() {
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day("2026-1-01") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-11-26")?.description == "2026-11-26")
    }

    @Test func lifecycleDataIsConsistent() {
        let data = RuntimeLifecycle.current
        #expect(data.entries.count >= 19)
        for (runtime, entry) in data.entries {
            #expect(entry.deprecated > Day(year: 2020, month: 1, day: 1), "\(runtime)")
            #expect(entry.deprecated <= entry.blockCreate && entry.blockCreate <= entry.blockUpdate, "\(runtime)")
            if let successor = entry.successor { #expect(data.entry(for: successor) != nil, "\(runtime) → \(successor)") }
        }
    }
}
