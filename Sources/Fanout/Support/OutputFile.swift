#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a command's output to the path a user named, the way careful Unix tools treat an
/// output path: `-` is standard output, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` name the
/// process's own descriptors (written as they are, as the shell does, so `>> log` appends); a
/// pipe or a device (`/dev/null`, a FIFO) is written directly, as the shell's `>` would; a
/// regular file, or a new one, is replaced atomically (`AtomicFile`), following symbolic
/// links; a directory is an error.
public enum OutputFile {
    /// Where an output path leads.
    public enum Destination: Equatable, Sendable {
        /// One of the process's open descriptors: `-` and `/dev/stdout` are 1.
        case descriptor(Int32)
        /// A pipe, device or socket, written in place.
        case stream(String)
        /// A regular file or one to create (the path with links followed), replaced atomically.
        case file(String)
    }

    /// What writing to `path` would do. Throws when `path` is empty or a directory.
    public static func destination(of path: String) throws(FileWriteError) -> Destination {
        if let descriptor = descriptor(named: path) { return .descriptor(descriptor) }
        guard !path.isEmpty else { throw FileWriteError(path: "\"\"", reason: "the path is empty; name a file to write") }
        // The kernel follows the links first: that also sees through links whose text is no
        // path, such as /proc's links to pipes.
        switch try FileSystemPath.kind(of: path, reportingAs: path).kind {
        case .directory: throw FileSystemPath.isDirectory(path)
        case .other: return .stream(path)
        case .missing, .regularFile: return .file(try FileSystemPath.followingLinks(path, reportingAs: path))
        }
    }

    /// Writes `contents` to `path` (see the type's description). On failure a replaced file is
    /// left as it was; a pipe or device may have received part of the output.
    public static func write(_ contents: String, to path: String) throws(FileWriteError) {
        switch try destination(of: path) {
        case .descriptor(let descriptor):
            try DescriptorWriter.write(contents, to: descriptor, name: descriptor == STDOUT_FILENO ? "standard output" : path)
        case .stream(let target): try writeInPlace(contents, to: target, reportingAs: path)
        case .file: try AtomicFile.write(contents, to: path)
        }
    }

    /// The descriptor `path` names: `-` is standard output, as are `/dev/stdout` and
    /// `/dev/fd/1`; `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name theirs.
    public static func descriptor(named path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let number = path.dropFirst(prefix.count)
                if !number.isEmpty, number.count < 10, number.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int32(number) {
                    return value
                }
            }
            return nil
        }
    }

    /// Opens `target` (a pipe or device, which is never created or truncated) and writes
    /// `contents` to it. Opening a FIFO waits for its reader, as the shell's `>` does.
    public static func writeInPlace(_ contents: String, to target: String, reportingAs path: String) throws(FileWriteError) {
        var descriptor: Int32
        repeat {
            descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw FileWriteError.system(path) }
        do throws(FileWriteError) {
            try DescriptorWriter.write(contents, to: descriptor, name: path)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 || errno == EINTR else { throw FileWriteError.system(path) }
    }
}
