/// Runs the built `fanout` executable in the repository root, judging runtimes on `date`
/// (FANOUT_DATE) so results do not change with the calendar.
func runFanout(_ arguments: [String], date: String = "2026-11-26") throws -> ProgramResult {
    try runProgram(
        PackageRoot.productsDirectory.appendingPathComponent("fanout").path, arguments,
        currentDirectory: PackageRoot.url.path, environment: ["FANOUT_DATE": date])
}
