import Fanout
import Testing

/// `Day`'s parse, and `--date` / `FANOUT_DATE` on the command line, which use it.
@Suite struct DayTests {
    @Test(arguments: ["2026-11-26", "0001-01-01", "9999-12-31", "2024-02-29"])
    func acceptsExactlyYearMonthDay(text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test(arguments: [
        "+202-01-01", "-202-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01\n", "２０２６-01-01", "2026-٠١-01",
        "2026-+1-01", "2026-01-+1", "20260-01-01", "202-01-01", "2026-1-01", "2026-01-1", "2026/01/01",
        "2026-13-01", "2026-00-10", "2026-02-29", "2026-04-31", "2026-01-00", "", "0x7e-01-01",
    ])
    func refusesEverythingElse(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func theCommandLineRefusesABadDateWithStatus64() throws {
        #expect(try runFanout(["lint", "--date", "+202-01-01"]).status == 64)
        #expect(try runFanout(["lint", "--date", " 2026-01-01"]).status == 64)
        #expect(try runFanout(["lint"], date: "２０２６-01-01").status == 64)
        #expect(try runFanout(["emit", "--date", "+202-01-01"]).status == 64)
        #expect(try runFanout(["lint", "--date", "2026-11-26"]).status == 0)
    }
}
