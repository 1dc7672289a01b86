import ArgumentParser
import Fanout

/// Where a command writes what it emits.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file instead of standard output; it is replaced only when everything succeeded.",
        valueName: "path"))
    var output: String?

    /// Writes `text` to the output file, atomically, or to standard output.
    func write(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        try reportingFailure { try AtomicFile.write(text, to: output) }
    }
}
