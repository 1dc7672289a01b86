import Foundation
import Testing

/// The independent checkers in Tests/Oracles, run through the Python that Tests/run.sh
/// installed their pinned versions into.
enum Oracles {
    /// Runs an oracle script with `arguments`.
    static func run(_ script: String, _ arguments: [String]) throws -> ProgramResult {
        try runProgram("python3", [PackageRoot.path("Tests/Oracles/\(script)")] + arguments)
    }

    /// Runs an oracle script that reads `input` on its standard input.
    static func runWithInput(_ script: String, _ arguments: [String] = [], input: String) throws -> ProgramResult {
        try runProgram("python3", [PackageRoot.path("Tests/Oracles/\(script)")] + arguments, input: input)
    }

    /// The runtime lifecycle rules the tutorial's own template may ignore: it documents
    /// nodejs18.x, which cfn-lint 1.51.0 reports as deprecated and blocked for creation.
    static let seedRuntimeChecks = ["--ignore-checks", "E2531", "E2533", "W2531"]

    /// cfn-lint on a template; the result's status is 0 only with no error and no warning.
    static func cfnLint(_ path: String, ignoring: [String] = []) throws -> ProgramResult {
        try run("cfn_lint.py", [path] + ignoring)
    }

    /// The moto end-to-end check of a template (see moto_fanout.py).
    static func moto(
        _ path: String, stack: String, region: String, codeDirectory: String, expectDeadLetterQueues: Bool = false,
        expectAuthorization: String? = nil, expectAlarms: Bool = false
    ) throws -> ProgramResult {
        try run("moto_fanout.py", [path, "--stack", stack, "--region", region, "--code-dir", codeDirectory]
            + (expectDeadLetterQueues ? ["--expect-dead-letter-queues"] : [])
            + (expectAuthorization.map { ["--expect-authorization", $0] } ?? [])
            + (expectAlarms ? ["--expect-alarms"] : []))
    }
}

extension Tag {
    /// A test that runs an independent checker (PyYAML, cfn-lint, moto, node).
    @Tag static var oracle: Self
    /// A property test that runs many generated inputs in a child process.
    @Tag static var fuzz: Self
}

extension Trait where Self == ConditionTrait {
    /// A test that takes seconds, not milliseconds (oracles, fuzzing): it runs unless
    /// `FANOUT_QUICK=1` asks for the unit tests alone (a quick loop while editing), and is
    /// then reported as skipped, never passed. Tests/run.sh, the README's test command, runs
    /// everything.
    static var slow: Self {
        .enabled(if: ProcessInfo.processInfo.environment["FANOUT_QUICK"] != "1",
                 "FANOUT_QUICK=1: slow tests (oracles, fuzzing) not run")
    }
}
