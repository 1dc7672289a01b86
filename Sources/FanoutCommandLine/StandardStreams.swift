import ArgumentParser
import Fanout

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` to standard error; a failure is ignored (there is nowhere left to report it).
public func writeError(_ text: String) {
    try? DescriptorWriter.write(text, to: STDERR_FILENO, name: "standard error")
}

/// Writes `text` to standard output; a failure becomes a clear message on stderr and a
/// non-zero exit (thrown as ArgumentParser's ExitCode); a closed pipe (EPIPE) exits quietly.
public func writeOutput(_ text: String) throws {
    do {
        try DescriptorWriter.write(text, to: STDOUT_FILENO, name: "standard output")
    } catch {
        if error.isBrokenPipe { StandardStreams.endOnBrokenPipe() }
        writeError("\(error)\n")
        throw ExitCode.failure
    }
}

/// How a command treats its standard streams (commands added to a ``FanoutCommand`` write
/// through `writeOutput` and `writeError` too). Everything goes through write(2) (never
/// Foundation's `FileHandle.write`, which traps when a write fails, nor `print`, whose
/// buffered failures are lost at exit).
public enum StandardStreams {
    /// Run once at start-up, before anything is opened or written.
    ///
    /// SIGPIPE is ignored, so a write into a closed pipe fails with EPIPE instead of killing
    /// the process wherever it happens to be: a closed stderr (warnings) then costs nothing,
    /// and a closed stdout ends the command in `endOnBrokenPipe()`, quietly, as other Unix
    /// tools end (`yes | head -1`).
    ///
    /// Closed standard descriptors are reopened on /dev/null, so that no file the command
    /// opens later can take the number 1 or 2 and receive output or messages meant for the
    /// terminal. Standard output and error are reopened read-only: writing to them still fails
    /// (EBADF), and output the user asked for is reported as lost, not silently discarded.
    public static func prepare() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        // A blocked signal mask is inherited across exec. Foundation's Process on Linux starts
        // children with the mask of a Dispatch worker thread, which blocks SIGTERM and SIGINT
        // (swiftlang/swift-corelibs-foundation#4772): such a parent could then neither stop
        // this command nor have its temporary file removed. Like node, unblock them at start.
        var termination = sigset_t()
        sigemptyset(&termination)
        for stop in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&termination, stop) }
        sigprocmask(SIG_UNBLOCK, &termination, nil)
    }

    /// Ends the process because the reader of its output went away: it dies of SIGPIPE with
    /// no message, exactly as it would have without ignoring the signal (a shell shows
    /// status 141, and prints nothing). If the signal is blocked, exits with that status.
    public static func endOnBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        sigprocmask(SIG_UNBLOCK, &pipeSignal, nil)
        raise(SIGPIPE)
        terminate(128 + SIGPIPE)
    }

    /// Ends the command the way ArgumentParser's `exit(withError:)` does, but writes through
    /// `writeOutput`/`writeError`: help on standard output (a failure to write it is an error),
    /// usage errors on standard error.
    public static func exit(reporting error: Error, for command: any ParsableCommand.Type) -> Never {
        let code = command.exitCode(for: error)
        let text = command.fullMessage(for: error)
        if !text.isEmpty {
            if code.isSuccess {
                do { try writeOutput(text + "\n") } catch { terminate(ExitCode.failure.rawValue) }
            } else {
                writeError(text + "\n")
            }
        }
        terminate(code.rawValue)
    }

    /// Exits with `status`.
    public static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Musl)
        Musl.exit(status)
        #elseif canImport(Darwin)
        Darwin.exit(status)
        #endif
    }
}
