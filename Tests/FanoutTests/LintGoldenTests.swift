import Fanout
import FanoutExamples
import Testing

/// What `fanout lint` says about the tutorial's own service, judged on a fixed day.
@Suite struct LintGoldenTests {
    @Test func seedDiagnosticsMatchGolden() {
        let diagnostics = Validator().validate(Examples.tutorial, on: Day(year: 2026, month: 11, day: 26))
        let text = DiagnosticRenderer(baseDirectory: PackageRoot.url.path).render(diagnostics, as: .text)
        expectGolden(text, "Fixtures/seed/lint.txt")
    }

    @Test func seedHasNoErrors() {
        let diagnostics = Validator().validate(Examples.tutorial, on: Day(year: 2026, month: 11, day: 26))
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(diagnostics.map(\.code) == [
            "FAN501", "FAN832", "FAN205", "FAN205", "FAN302", "FAN304", "FAN831", "FAN821", "FAN831", "FAN105", "FAN831",
            "FAN105", "FAN104", "FAN104",
        ])
    }
}
