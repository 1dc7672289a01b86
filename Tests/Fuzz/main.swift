// Builds random services and runs the library's pipeline on each; it must answer every one
// with diagnostics or errors, never a trap.
//
//     fanout-fuzz SEED COUNT
//     fanout-fuzz deep
//
// Service i is built from seed SEED + i, and its seed is printed (unbuffered) before the
// pipeline runs, so when the process dies the last line names the service that killed it:
// `fanout-fuzz <that seed> 1` builds it again. The test suite runs this in a child process
// (FuzzTests), since a trap would otherwise take the whole suite down.
import Fanout

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `line` straight to `descriptor`, unbuffered, so it is out before any trap.
func say(_ line: String, to descriptor: Int32 = STDOUT_FILENO) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments.dropFirst()
if arguments == ["deep"] {
    let failures = DeepValues.run()
    say(failures.isEmpty ? "done" : "\(failures.count) failed")
    exit(failures.isEmpty ? 0 : 1)
}
guard arguments.count == 2, let seed = UInt64(arguments.first ?? ""), let count = Int(arguments.last ?? ""), count >= 0 else {
    say("usage: fanout-fuzz SEED COUNT | fanout-fuzz deep", to: STDERR_FILENO)
    exit(64)
}

var tooDeep = 0
for index in 0..<count {
    let serviceSeed = seed &+ UInt64(index)
    say("seed \(serviceSeed)")
    var generator = ServiceGenerator(seed: serviceSeed)
    let service = generator.service()
    let pipeline = Pipeline(options: generator.options(), date: generator.day())
    // The pipeline's own entries, as the command line and the one-call API use them.
    let diagnostics = pipeline.lint(service)
    if diagnostics.contains(where: { $0.code == NestingCheck.code && $0.severity == .error }) { tooDeep += 1 }
    // Slow in a debug build and rarely different: now and then.
    if generator.chance(20) {
        _ = pipeline.lint(service, for: .serverless)
        for format in DiagnosticRenderer.Format.allCases {
            _ = DiagnosticRenderer().render(diagnostics, as: format)
        }
    }
    for output: Pipeline.Output in [.serverless, .cloudFormation(.yaml), .cloudFormation(.json)] {
        _ = try? pipeline.emit(service, as: output)
        _ = try? pipeline.emit(service, as: output, checks: .skipped)
    }
}
say("done \(count) services, \(tooDeep) of them stopped by FAN007")
