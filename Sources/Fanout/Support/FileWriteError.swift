#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output that could not be written. Whatever was being replaced is left as it was.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    /// The file (or "standard output") that could not be written.
    public var path: String
    /// What went wrong and, where it helps, what to do.
    public var reason: String
    /// The system's error number (`errno`), or 0 when the failure did not come from the system.
    public var code: Int32

    public init(path: String, reason: String, code: Int32 = 0) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    /// The error for the `errno` a system call just set.
    static func system(_ path: String, _ code: Int32 = errno) -> FileWriteError {
        FileWriteError(path: path, reason: String(cString: strerror(code)), code: code)
    }

    /// True when the reader of a pipe went away (EPIPE); command-line tools end quietly then.
    public var isBrokenPipe: Bool { code == EPIPE }

    public var description: String { "error: cannot write \(path): \(reason)" }
}
