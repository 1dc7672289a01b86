import Fanout
import FanoutExamples
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `fanout` writes: standard output and error when they fail or close, and `-o` onto
/// `-`, links, pipes, devices, folders and new files; removal of the temporary file when the
/// run is interrupted. Runs the built binary, mostly through /bin/sh for redirections.
@Suite final class OutputTargetTests {
    let directory: String
    let fanout = PackageRoot.productsDirectory.appendingPathComponent("fanout").path
    let tutorialYAML: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fanout-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        tutorialYAML = try Examples.tutorial.serverlessYAML()
    }

    /// Each test has its own folder; it goes when the test ends.
    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `script` with /bin/sh, `$FANOUT` naming the built binary.
    func shell(_ script: String, environment: [String: String] = [:]) throws -> ProgramResult {
        try runProgram(
            "/bin/sh", ["-c", script], currentDirectory: PackageRoot.url.path,
            environment: ["FANOUT": fanout, "FANOUT_DATE": "2026-11-26"].merging(environment) { _, new in new })
    }

    // MARK: standard output and error

    @Test func aFullStandardErrorNeverCrashesTheCommand() throws {
        // The error message has nowhere to go, but the status still says what happened.
        let failing = try shell(#""$FANOUT" emit --example production -o /nonexistent-fanout-dir/x.yml 2>/dev/full"#)
        #expect(failing.status == 1)
        let usage = try shell(#""$FANOUT" lint --date yesterday 2>/dev/full"#)
        #expect(usage.status == 64)
    }

    @Test func emitWithWarningsIntoAFullStandardErrorStillWritesTheOutput() throws {
        let result = try shell(#""$FANOUT" emit 2>/dev/full"#)
        #expect(result.status == 0)
        #expect(result.standardOutput == tutorialYAML)
        let lint = try shell(#""$FANOUT" lint 2>/dev/full"#)
        #expect(lint.status == 0)
        #expect(lint.standardOutput == (try String(contentsOfFile: PackageRoot.path("Fixtures/seed/lint.txt"), encoding: .utf8)))
    }

    @Test func aFullStandardOutputIsAnError() throws {
        let result = try shell(#""$FANOUT" emit >/dev/full"#)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("error: cannot write standard output: No space left on device\n"))
        let device = try shell(#""$FANOUT" emit cloudformation -o /dev/full"#)
        #expect(device.status == 1)
        #expect(device.standardError.hasSuffix("error: cannot write /dev/full: No space left on device\n"))
        let help = try shell(#""$FANOUT" --help >/dev/full"#)
        #expect(help.status == 1)
        #expect(help.standardError == "error: cannot write standard output: No space left on device\n")
    }

    @Test func aClosedStandardOutputIsAnErrorAndNothingElseTakesItsPlace() throws {
        let path = directory + "/out.yml"
        // With standard output closed, the file opened for -o must not become descriptor 1.
        let result = try shell(#""$FANOUT" emit -o '\#(path)' >&-"#)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == tutorialYAML)
        let closed = try shell(#""$FANOUT" emit >&-"#)
        #expect(closed.status == 1)
        #expect(closed.standardError.hasSuffix("error: cannot write standard output: Bad file descriptor\n"))
    }

    @Test func aClosedPipeEndsTheCommandQuietlyBySIGPIPE() throws {
        // The read end is closed before the command starts, so its first write meets EPIPE.
        // SIGPIPE is ignored on the way in (`trap '' PIPE`), as some parents do: the command
        // must still end as a closed pipe ends other tools, by SIGPIPE and without a message.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"trap '' PIPE; exec "$FANOUT" emit --example production"#]
        process.environment = ProcessInfo.processInfo.environment.merging(["FANOUT": fanout, "FANOUT_DATE": "2026-11-26"]) { _, new in new }
        process.currentDirectoryURL = PackageRoot.url
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        let error = Pipe()
        process.standardError = error
        try process.run()
        close(ends[1])
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGPIPE)
        #expect(message == "")
    }

    // MARK: -o

    @Test func dashIsStandardOutput() throws {
        let result = try shell(#""$FANOUT" emit -o -"#)
        #expect(result.status == 0)
        #expect(result.standardOutput == tutorialYAML)
        #expect(!FileManager.default.fileExists(atPath: PackageRoot.path("-")))
    }

    @Test func devStdoutIsTheCommandsOwnStandardOutput() throws {
        let log = directory + "/log"
        try "before\n".write(toFile: log, atomically: false, encoding: .utf8)
        // As the shell does, /dev/stdout is descriptor 1 itself: `>>` keeps appending.
        let result = try shell(#""$FANOUT" emit -o /dev/stdout >>'\#(log)'"#)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "before\n" + tutorialYAML)
        let piped = try shell(#""$FANOUT" emit -o /dev/stdout"#)
        #expect(piped.standardOutput == tutorialYAML)
    }

    @Test func aSymbolicLinkIsFollowedAndItsTargetReplaced() throws {
        let target = directory + "/real.yml", link = directory + "/link.yml"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.yml")
        let result = try runFanout(["emit", "-o", link])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == tutorialYAML)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.yml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.yml", "real.yml"])
    }

    @Test func aFIFOIsWrittenNotReplaced() throws {
        let fifo = directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Reading and writing at once, this descriptor is the FIFO's reader: the command's open
        // does not wait, and what it writes stays in the pipe's buffer for the test to read.
        let reader = open(fifo, O_RDWR | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try runFanout(["emit", "-o", fifo])
        #expect(result.status == 0, "\(result.standardError)")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        #expect(String(decoding: received, as: UTF8.self) == tutorialYAML)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func devNullIsWrittenNotReplaced() throws {
        // Checked in the library first: a regression must not replace the system's /dev/null.
        try #require(try OutputFile.destination(of: "/dev/null") == .stream("/dev/null"))
        let result = try runFanout(["emit", "-o", "/dev/null"])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aDirectoryIsAClearError() throws {
        for path in [directory, directory + "/"] {
            let result = try runFanout(["emit", "-o", path])
            #expect(result.status == 1)
            #expect(result.standardError.hasSuffix("error: cannot write \(path): \(path) is a directory; name a file to write\n"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aMissingFolderIsAClearError() throws {
        let path = directory + "/missing/out.yml"
        let result = try runFanout(["emit", "-o", path])
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix(
            "error: cannot write \(path): the folder \(directory)/missing does not exist; create it first\n"))
    }

    @Test(arguments: [("077", 0o600), ("027", 0o640), ("002", 0o664)])
    func newFilesFollowTheUmask(umask: String, mode: Int) throws {
        let path = directory + "/new-\(umask).yml"
        let result = try shell("umask \(umask); exec \"$FANOUT\" emit -o '\(path)'")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == mode)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedWriteLeavesNoTemporaryFile(signal: Int32) throws {
        let target = directory + "/out.yml"
        try "keep\n".write(toFile: target, atomically: false, encoding: .utf8)
        let process = Process()
        // Started directly by Foundation's Process, which on Linux passes on a signal mask that
        // blocks SIGTERM and SIGINT: the command must unblock them itself to be stoppable.
        process.executableURL = URL(fileURLWithPath: fanout)
        process.arguments = ["emit", "-o", target]
        process.currentDirectoryURL = PackageRoot.url
        // OutputOptions' test hook: announce the temporary file, then wait before renaming it.
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["FANOUT_DATE": "2026-11-26", "FANOUT_TEST_HOLD_BEFORE_RENAME": "1"]) { _, new in new }
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        func announced() -> Bool {
            (text.hasPrefix("holding ") || text.contains("\nholding ")) && text.hasSuffix("\n")
        }
        while !announced() {
            let data = error.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let temporary = text.split(separator: "\n").first { $0.hasPrefix("holding ") }.map { String($0.dropFirst(8)) }
        try #require(temporary != nil, "\(text)")
        #expect(FileManager.default.fileExists(atPath: temporary ?? ""))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.yml"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep\n")
    }
}
