#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What ``Pipeline/emitSplit(_:options:checks:)`` produced: the root template and the nested
/// ones, rendered, and the findings that did not stop it (warnings and notes).
public struct SplitEmission: Hashable, Sendable {
    /// The root template first, then the nested templates in stack order.
    public var files: [SplitFile]
    /// The warnings and notes, ordered by where they point.
    public var diagnostics: [Diagnostic]

    public init(files: [SplitFile], diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// Writes every file under `directory` (created if missing, with its `stacks` folder).
    /// Each file is replaced atomically, and only once all are prepared; the root goes last,
    /// so it never names a nested template that is not written yet. Nested templates of an
    /// earlier split that are no longer used are left in place (the root no longer names them).
    public func write(to directory: String) throws(FileWriteError) {
        guard !directory.isEmpty else {
            throw FileWriteError(path: "\"\"", reason: "the --split folder is empty; name a folder to write the templates into")
        }
        do {
            _ = try FileSystemPath.makeFolders(files.count > 1 ? directory + "/" + SplitOptions.nestedFolder : directory)
        } catch where error.code == EEXIST {
            throw FileWriteError(path: error.path, reason: "it is not a folder; name a folder (or a new path) for --split", code: EEXIST)
        }
        var prepared: [AtomicFile] = []
        for file in files.dropFirst() + files.prefix(1) {
            prepared.append(try AtomicFile(preparing: file.text, for: directory + "/" + file.path))
        }
        for file in prepared { try file.commit() }
    }
}
