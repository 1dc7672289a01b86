import ArgumentParser
import Fanout

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes what it emits.
public struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file instead of standard output (- is standard output). A file is replaced only when everything succeeded; a pipe or device is written directly.",
        valueName: "path"))
    /// `-o`, as written.
    public var output: String?

    public init() {}

    /// Writes `text` to standard output or to the output path (see `OutputFile`): a file is
    /// replaced atomically; a pipe, device or one of the process's descriptors
    /// (`/dev/stdout`) is written directly.
    public func write(_ text: String) throws {
        guard let output else { return try writeOutput(text) }
        switch try reportingFailure({ try OutputFile.destination(of: output) }) {
        case .descriptor(STDOUT_FILENO):
            try writeOutput(text)
        case .descriptor(let descriptor):
            try reportingFailure { try DescriptorWriter.write(text, to: descriptor, name: output) }
        case .stream(let target):
            try reportingFailure { try OutputFile.writeInPlace(text, to: target, reportingAs: output) }
        case .file:
            let file = try reportingFailure { try AtomicFile(preparing: text, for: output) }
            Self.holdBeforeRenameIfAsked(file)
            try reportingFailure { try file.commit() }
        }
    }

    /// A test hook, used only by OutputTargetTests' interruption test and compiled only into
    /// debug builds (which the tests run): when the environment sets
    /// FANOUT_TEST_HOLD_BEFORE_RENAME, the command names the temporary file on standard error
    /// and waits (at most a minute) before renaming it, so the test can send SIGTERM at exactly
    /// that moment and check that the temporary file is removed.
    static func holdBeforeRenameIfAsked(_ file: AtomicFile) {
        #if DEBUG
        guard getenv("FANOUT_TEST_HOLD_BEFORE_RENAME") != nil else { return }
        writeError("holding \(file.temporaryPath)\n")
        sleep(60)
        #endif
    }
}
