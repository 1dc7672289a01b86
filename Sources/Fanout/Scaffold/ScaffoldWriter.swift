#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a scaffolded project into a folder, all or nothing as far as the file system allows.
///
/// Existing files are never replaced without `force`: they are listed, and nothing is
/// written. Folders are created as needed. Every file is first written to a temporary file
/// beside its target (``AtomicFile``); only when all of them are ready are they renamed into
/// place, so a folder that cannot be written, or a full disk, leaves no half project (the
/// folders this call created are removed again).
public enum ScaffoldWriter {
    /// Writes `files` under `directory` (created if missing) and returns their paths as
    /// written (`directory/path`).
    @discardableResult
    public static func write(_ files: [ScaffoldFile], into directory: String, force: Bool = false) throws(ScaffoldError) -> [String] {
        guard !directory.isEmpty else { throw .cannotWrite("the project folder is empty; name one with --dir") }
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let target = { (file: ScaffoldFile) in "\(root)/\(file.path)" }

        let existing = files.filter { exists(target($0)) }.map(\.path)
        if !existing.isEmpty && !force { throw .filesExist(directory: root, paths: existing) }

        var created: [String] = []
        var prepared: [AtomicFile] = []
        let undo = {
            prepared.forEach { $0.discard() }
            created.reversed().forEach { _ = rmdir($0) }
        }
        do throws(ScaffoldError) {
            for folder in folders(of: files, under: root) {
                try makeFolder(folder, recordingIn: &created)
            }
            for file in files {
                do {
                    prepared.append(try AtomicFile(preparing: file.contents, for: target(file)))
                } catch {
                    throw ScaffoldError.cannotWrite("cannot write \(target(file)): \(error.reason); nothing was written")
                }
            }
        } catch {
            undo()
            throw error
        }
        var written: [String] = []
        for (file, replacement) in zip(files, prepared) {
            do {
                try replacement.commit()
                written.append(target(file))
            } catch {
                prepared.forEach { $0.discard() }
                let done = written.isEmpty ? "nothing was written" : "written before it: \(written.joined(separator: ", "))"
                throw .cannotWrite("cannot write \(target(file)): \(error.reason); \(done)")
            }
        }
        return written
    }

    /// Whether anything (a file, a folder, a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Every folder the files need, parents before children: `root` and each folder on the
    /// way to a file.
    static func folders(of files: [ScaffoldFile], under root: String) -> [String] {
        var folders = [root]
        for file in files {
            var path = root
            for part in file.path.split(separator: "/").dropLast() {
                path += "/\(part)"
                if !folders.contains(path) { folders.append(path) }
            }
        }
        return folders
    }

    /// Creates `folder` unless it exists, with its missing parents, and appends each folder
    /// it created to `created`. Throws when it cannot, or when a file is in the way.
    static func makeFolder(_ folder: String, recordingIn created: inout [String]) throws(ScaffoldError) {
        do {
            created += try FileSystemPath.makeFolders(folder)
        } catch where error.code == EEXIST {
            throw .cannotWrite("\(error.path) is a file, not a folder; move it away or choose another folder with --dir")
        } catch {
            throw .cannotWrite("cannot create the folder \(error.path) (\(error.reason)); choose a folder you can write to with --dir; nothing was written")
        }
    }
}
