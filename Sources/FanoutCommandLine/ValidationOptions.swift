import ArgumentParser
import Fanout
import Foundation

/// The day validation judges runtime lifecycles by.
public struct ValidationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The day to judge runtime lifecycles by, YYYY-MM-DD (default: $FANOUT_DATE, or today in UTC). Emit and check only warn about them; lint fails on a blocked runtime.",
        valueName: "date"))
    /// `--date`, as written.
    public var date: String?

    public init() {}

    /// FANOUT_DATE, unless it is unset or empty (an empty one counts as unset).
    static var environmentDate: String? {
        guard let text = ProcessInfo.processInfo.environment["FANOUT_DATE"], !text.isEmpty else { return nil }
        return text
    }

    /// Refuses a `--date` or FANOUT_DATE that is not YYYY-MM-DD (exit status 64).
    public func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("invalid date '\(date)'; write it as YYYY-MM-DD")
        }
        if date == nil, let fromEnvironment = Self.environmentDate, Day(fromEnvironment) == nil {
            throw ValidationError("invalid FANOUT_DATE '\(fromEnvironment)'; write it as YYYY-MM-DD")
        }
    }

    /// The day given, or today.
    public var day: Day {
        if let text = date ?? Self.environmentDate, let day = Day(text) {
            return day
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: today.year ?? 1970, month: today.month ?? 1, day: today.day ?? 1)
    }

    /// Runs an emission: prints its warnings and errors to standard error (notes are for
    /// `fanout lint`), and stops the command (status 1, nothing written) when it failed.
    public func emitting(_ emit: () throws(ValidationFailure) -> Emission) throws -> Emission {
        let renderer = DiagnosticRenderer(baseDirectory: FileManager.default.currentDirectoryPath)
        do {
            let emission = try emit()
            for diagnostic in emission.diagnostics where diagnostic.severity != .note {
                writeError(renderer.line(diagnostic) + "\n")
            }
            return emission
        } catch {
            for diagnostic in error.diagnostics where diagnostic.severity != .note {
                writeError(renderer.line(diagnostic) + "\n")
            }
            writeError("error: nothing was written; fix the errors above (the lint command explains each)\n")
            throw ExitCode.failure
        }
    }
}
