import ArgumentParser
import Fanout
import FanoutExamples

/// Which built-in example a command works on: `fanout`'s ``FanoutCommand/ServiceOptions``.
struct ExampleOptions: ParsableArguments {
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
