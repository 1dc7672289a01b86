import ArgumentParser
import Foundation

/// Runs `body`; an error it throws is printed to standard error as it describes itself, and
/// the command exits with status 1.
func reportingFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    }
}
