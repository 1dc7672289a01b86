/// When AWS deprecates Lambda runtimes and blocks creating and updating functions on them.
///
/// AWS has moved these dates more than once, so they are data with the day they were taken,
/// evaluated at a day passed in. Sources: AWS's runtime deprecation schedule as published in
/// August 2026 for the Node.js and `provided` runtimes; cfn-lint 1.51.0's
/// `LmbdRuntimeLifecycle.json` for the others.
public struct RuntimeLifecycle: Sendable {
    /// One runtime's schedule.
    public struct Entry: Hashable, Sendable {
        public var deprecated: Day
        public var blockCreate: Day
        public var blockUpdate: Day
        /// The runtime AWS suggests moving to.
        public var successor: Runtime?
    }

    /// The day the data was taken.
    public var asOf: Day
    public var entries: [Runtime: Entry]

    /// The schedule for `runtime`, or `nil` for a runtime the data does not know.
    public func entry(for runtime: Runtime) -> Entry? { entries[runtime] }

    /// The data Fanout ships.
    public static let current = RuntimeLifecycle(
        asOf: Day(year: 2026, month: 8, day: 19),
        entries: Dictionary(uniqueKeysWithValues: table.map { row in
            (Runtime(rawValue: row.0), Entry(
                deprecated: day(row.1), blockCreate: day(row.2), blockUpdate: day(row.3),
                successor: row.4.map(Runtime.init(rawValue:))))
        }))

    private static func day(_ text: String) -> Day {
        Day(text) ?? Day(year: 1970, month: 1, day: 1)
    }

    /// runtime, deprecated, block create, block update, successor.
    private static let table: [(String, String, String, String, String?)] = [
        ("nodejs16.x", "2024-06-12", "2027-02-01", "2027-03-03", "nodejs24.x"),
        ("nodejs18.x", "2025-09-01", "2027-02-01", "2027-03-03", "nodejs24.x"),
        ("nodejs20.x", "2026-04-30", "2027-02-01", "2027-03-03", "nodejs24.x"),
        ("nodejs22.x", "2027-04-30", "2027-06-01", "2027-07-01", "nodejs24.x"),
        ("nodejs24.x", "2028-04-30", "2028-06-01", "2028-07-01", nil),
        ("provided.al2", "2026-07-31", "2027-02-01", "2027-03-03", "provided.al2023"),
        ("provided.al2023", "2029-06-30", "2029-07-31", "2029-08-31", nil),
        ("python3.9", "2025-12-15", "2026-06-01", "2026-07-01", "python3.14"),
        ("python3.10", "2026-06-30", "2026-07-31", "2026-08-31", "python3.14"),
        ("python3.11", "2026-06-30", "2026-07-31", "2026-08-31", "python3.14"),
        ("python3.12", "2028-10-31", "2028-11-30", "2029-01-10", "python3.14"),
        ("python3.13", "2029-06-30", "2029-07-31", "2029-08-31", "python3.14"),
        ("python3.14", "2029-06-30", "2029-07-31", "2029-08-31", nil),
        ("java17", "2026-06-30", "2026-07-31", "2026-08-31", "java25"),
        ("java21", "2029-06-30", "2029-07-31", "2029-08-31", "java25"),
        ("java25", "2029-06-30", "2029-07-31", "2029-08-31", nil),
        ("dotnet8", "2026-11-10", "2026-12-10", "2027-01-11", nil),
        ("ruby3.3", "2027-03-31", "2027-04-30", "2027-05-31", "ruby3.4"),
        ("ruby3.4", "2028-03-31", "2028-04-30", "2028-05-31", nil),
    ]
}
