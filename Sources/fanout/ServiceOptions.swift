import ArgumentParser
import Fanout

/// Which service a command works on.
struct ServiceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The built-in example to use.",
        discussion: "One of: \(Examples.all.map(\.name).joined(separator: ", ")).",
        valueName: "name"))
    var example: String = "tutorial"

    func validate() throws {
        guard Examples.named(example) != nil else {
            throw ValidationError(
                "unknown example '\(example)'; choose one of: \(Examples.all.map(\.name).joined(separator: ", "))")
        }
    }

    /// The service named by `--example`.
    var selected: Service {
        get throws {
            guard let service = Examples.named(example) else {
                throw ValidationError("unknown example '\(example)'")
            }
            return service
        }
    }
}
