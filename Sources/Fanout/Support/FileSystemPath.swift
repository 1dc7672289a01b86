#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Path handling shared by `AtomicFile` and `OutputFile`: symbolic links, folders, file kinds.
enum FileSystemPath {
    /// What a path names.
    enum Kind: Equatable {
        case missing, regularFile, directory, other
    }

    /// The path's folder and last component (`"a/b"` → `("a", "b")`, `"b"` → `(".", "b")`).
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
    }

    /// `path` with symbolic links at its end followed, so the file they point to is the one
    /// written and the links stay links. A link to a file that does not exist yet leads to
    /// that file (as `echo > link` creates it). Errors name `original`.
    static func followingLinks(_ path: String, reportingAs original: String) throws(FileWriteError) -> String {
        var current = path
        // The same limit as the kernel's (Linux follows 40 links).
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { return current }  // the folder check explains
                throw FileWriteError.system(original)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                bytes.baseAddress.map { readlink(current, $0, bytes.count - 1) } ?? -1
            }
            guard count >= 0 else { throw FileWriteError.system(original) }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : split(current).directory + "/" + target
        }
        throw FileWriteError(path: original, reason: "too many levels of symbolic links", code: ELOOP)
    }

    /// What `path` names, following links; errors other than "does not exist" are thrown.
    static func kind(of path: String, reportingAs original: String) throws(FileWriteError) -> (kind: Kind, info: stat) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // ENOTDIR: a folder on the way is a file; the caller's folder check says which.
            if errno == ENOENT || errno == ENOTDIR { return (.missing, info) }
            throw FileWriteError.system(original)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (.regularFile, info)
        case S_IFDIR: return (.directory, info)
        default: return (.other, info)
        }
    }

    /// Creates the folder at `path` and its missing parents, and returns the folders it
    /// created, parents first (for a caller that undoes them). A folder already there is
    /// fine; anything else in the way is an error with code EEXIST.
    static func makeFolders(_ path: String) throws(FileWriteError) -> [String] {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileWriteError(path: path, reason: "\(path) is a file, not a folder", code: EEXIST)
            }
            return []
        }
        var created: [String] = []
        let parent = split(path).directory
        if errno == ENOENT, parent != path, lstat(parent, &info) != 0 {
            created = try makeFolders(parent)
        }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw FileWriteError.system(path)
        }
        return created + [path]
    }

    /// The error for a directory given where a file is expected.
    static func isDirectory(_ original: String) -> FileWriteError {
        FileWriteError(path: original, reason: "\(original) is a directory; name a file to write", code: EISDIR)
    }
}
