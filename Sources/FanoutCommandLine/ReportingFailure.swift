import ArgumentParser
import Fanout

/// Runs `body`; an error it throws is printed to standard error as it describes itself, and
/// the command exits with status 1. A write into a pipe whose reader went away ends the
/// command quietly instead (see `StandardStreams.endOnBrokenPipe()`).
public func reportingFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as FileWriteError where error.isBrokenPipe {
        StandardStreams.endOnBrokenPipe()
    } catch {
        writeError("\(error)\n")
        throw ExitCode.failure
    }
}
