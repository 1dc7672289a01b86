import ArgumentParser
import Fanout
import FanoutCommandLine
import FanoutExamples

/// `fanout`: the command line of FanoutCommandLine, over the built-in examples, with the
/// commands that need no service of their own.
///
/// To add a command to `fanout`, write it as an ArgumentParser `ParsableCommand` in a file of
/// its own here and add its type to ``additionalCommands`` (one line).
@main
struct FanoutTool: FanoutCommand {
    static var service: Service { Examples.tutorial }

    static func service(_ options: ExampleOptions) throws -> Service { try options.selected }

    static var commandName: String? { "fanout" }

    static var abstract: String { "Describe a serverless fan-out in Swift and emit its deployment files." }

    static var discussion: String {
        """
        With no arguments, prints the built-in example's serverless.yml \
        (the same as `fanout emit serverless`).
        """
    }

    static var emitsByDefault: Bool { true }

    static var additionalCommands: [any ParsableCommand.Type] {
        [Init.self, Import.self]
    }
}
