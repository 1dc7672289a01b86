import CSignalCleanup

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a regular file so that a reader sees the old content or the new, never a mix.
///
/// The new content goes to a temporary file in the target's folder, is flushed to disk, and is
/// renamed over the target. A symbolic link is followed: the file it points to is replaced and
/// the link stays a link. A new file gets the mode `0666` less the umask (the system applies
/// it, default ACLs included); an existing one keeps its mode. The temporary file is removed
/// if anything fails, if the replacement is dropped, and if the process is interrupted by
/// SIGINT, SIGTERM or SIGHUP before the rename.
///
/// `AtomicFile.write(_:to:)` does it in one call; `init(preparing:for:)` and `commit()` split
/// it, for callers that prepare several files and replace them only when all are ready.
/// Pipes and devices cannot be replaced; `OutputFile` writes to those directly.
public final class AtomicFile {
    /// Kept for callers of the one-call API: the error every write throws.
    public typealias WriteError = FileWriteError

    /// The file `commit()` replaces: the path given, with symbolic links followed.
    public let path: String
    /// The temporary file holding the new content until `commit()` or `discard()`.
    public let temporaryPath: String
    /// The path as the caller gave it, for messages.
    private let requestedPath: String
    /// The interrupt-cleanup slot of `temporaryPath` (-1: none).
    private var cleanupSlot: Int32
    private var finished = false

    /// Replaces the file at `path` with `contents`.
    public static func write(_ contents: String, to path: String) throws(FileWriteError) {
        try AtomicFile(preparing: contents, for: path).commit()
    }

    /// Writes `contents` to a temporary file next to the file `path` leads to; the file itself
    /// is untouched until `commit()`. Throws when `path` is a directory, a pipe or a device, when
    /// its folder does not exist, or when the temporary file cannot be written.
    public init(preparing contents: String, for path: String) throws(FileWriteError) {
        requestedPath = path
        guard !path.isEmpty else { throw FileWriteError(path: "\"\"", reason: "the path is empty; name a file to write") }
        let (kind, existing) = try FileSystemPath.kind(of: path, reportingAs: path)
        switch kind {
        case .directory: throw FileSystemPath.isDirectory(path)
        case .other:
            throw FileWriteError(
                path: path, reason: "\(path) is a pipe, device or socket, which cannot be replaced; write to it directly")
        case .missing, .regularFile: break
        }
        let target = try FileSystemPath.followingLinks(path, reportingAs: path)
        let (directory, name) = FileSystemPath.split(target)
        guard !name.isEmpty else {
            throw FileWriteError(path: path, reason: "\(path) ends with '/' but is no folder; name a file to write", code: ENOENT)
        }
        try Self.checkFolder(directory, of: path)

        var descriptor: Int32 = -1
        var temporary = ""
        // SIGINT, SIGTERM and SIGHUP wait (blocked) from before the file exists until it is
        // registered for removal: one arriving in between is delivered once it is registered,
        // and its handler removes the file instead of leaving it behind.
        var interruptions = sigset_t(), previousMask = sigset_t()
        sigemptyset(&interruptions)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&interruptions, signal) }
        pthread_sigmask(SIG_BLOCK, &interruptions, &previousMask)
        // A random name, created exclusively; another file of that name just means another try.
        for _ in 0..<100 {
            temporary = "\(directory)/.\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            let code = errno
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            throw FileWriteError(
                path: path, reason: "cannot create a temporary file in \(directory) (\(String(cString: strerror(code))))",
                code: code)
        }
        // Registered once it exists, so an interruption can never remove someone else's file.
        cleanupSlot = fanout_cleanup_register(temporary)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        self.path = target
        temporaryPath = temporary

        do throws(FileWriteError) {
            try DescriptorWriter.write(contents, to: descriptor, name: path)
            if kind == .regularFile {
                // The owner first (best effort, as `sed -i` does: only a privileged user can give
                // a file away), then the mode, which a change of owner may clear bits of.
                if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                    _ = fchown(descriptor, existing.st_uid, existing.st_gid)
                }
                guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else { throw FileWriteError.system(path) }
            }
            guard fsync(descriptor) == 0 else { throw FileWriteError.system(path) }
        } catch {
            close(descriptor)
            discard()
            throw error
        }
        guard close(descriptor) == 0 else {
            let failure = FileWriteError.system(path)
            discard()
            throw failure
        }
    }

    deinit { discard() }

    /// Creates the folder at `path` and its missing parents, for a file about to be written
    /// there; a folder already there is fine.
    public static func makeFolders(_ path: String) throws(FileWriteError) {
        _ = try FileSystemPath.makeFolders(path)
    }

    /// Renames the temporary file over the target. On failure the target is left as it was
    /// and the temporary file is removed.
    public func commit() throws(FileWriteError) {
        guard !finished else { throw FileWriteError(path: requestedPath, reason: "already committed or discarded") }
        guard rename(temporaryPath, path) == 0 else {
            let failure = FileWriteError.system(requestedPath)
            discard()
            throw failure
        }
        finished = true
        fanout_cleanup_unregister(cleanupSlot)
        // Make the rename itself durable (best effort: not every file system allows it).
        let folder = open(FileSystemPath.split(path).directory, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// Removes the temporary file and leaves the target as it was; nothing after a commit.
    public func discard() {
        guard !finished else { return }
        finished = true
        unlink(temporaryPath)
        fanout_cleanup_unregister(cleanupSlot)
    }

    /// Removes the temporary file of every replacement in progress in this process (their
    /// commits then fail and leave the targets as they were). Async-signal-safe: a program
    /// with its own SIGINT or SIGTERM handler, which `AtomicFile` leaves in place, calls it
    /// from there.
    public static func removeTemporaryFiles() {
        fanout_cleanup_remove_registered()
    }

    private static func checkFolder(_ directory: String, of path: String) throws(FileWriteError) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            if errno == ENOENT {
                throw FileWriteError(path: path, reason: "the folder \(directory) does not exist; create it first", code: ENOENT)
            }
            if errno == ENOTDIR {
                throw FileWriteError(path: path, reason: "a folder on the way to \(directory) is a file", code: ENOTDIR)
            }
            throw FileWriteError.system(path)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw FileWriteError(path: path, reason: "\(directory) is not a folder", code: ENOTDIR)
        }
    }
}
