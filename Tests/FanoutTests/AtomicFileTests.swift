import Fanout
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Serialized: `removeTemporaryFiles()` removes every temporary file of the process.
@Suite(.serialized) struct AtomicFileTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fanout-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func writesANewFile() throws {
        let path = directory + "/out.yml"
        try AtomicFile.write("a: 1\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: 1\n")
        #expect(try leftovers() == ["out.yml"])
    }

    @Test func replacesAnExistingFileAndKeepsItsMode() throws {
        let path = directory + "/out.yml"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aDirectoryIsRefusedBeforeAnythingIsWritten() throws {
        let target = directory + "/taken"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try "keep\n".write(toFile: target + "/inner", atomically: false, encoding: .utf8)
        #expect { try AtomicFile.write("new\n", to: target) } throws: { error in
            "\(error)" == "error: cannot write \(target): \(target) is a directory; name a file to write"
        }
        #expect(try String(contentsOfFile: target + "/inner", encoding: .utf8) == "keep\n")
        #expect(try leftovers() == ["taken"])
    }

    @Test func missingFolderIsAClearError() throws {
        let path = directory + "/missing/out.yml"
        #expect { try AtomicFile.write("x\n", to: path) } throws: { error in
            "\(error)" == "error: cannot write \(path): the folder \(directory)/missing does not exist; create it first"
        }
    }

    @Test func aFileWhereAFolderShouldBeIsAClearError() throws {
        let file = directory + "/file"
        try "keep\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect { try AtomicFile.write("x\n", to: file + "/out.yml") } throws: { error in
            "\(error)" == "error: cannot write \(file)/out.yml: \(file) is not a folder"
        }
        #expect { try AtomicFile.write("x\n", to: file + "/deeper/out.yml") } throws: { error in
            "\(error)" == "error: cannot write \(file)/deeper/out.yml: a folder on the way to \(file)/deeper is a file"
        }
        #expect { try OutputFile.write("x\n", to: "") } throws: { error in
            "\(error)" == "error: cannot write \"\": the path is empty; name a file to write"
        }
        #expect(try leftovers() == ["file"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let target = directory + "/real.yml"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        // A chain of two links, the first relative.
        try FileManager.default.createSymbolicLink(atPath: directory + "/second", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: directory + "/first", withDestinationPath: "second")
        let file = try AtomicFile(preparing: "new\n", for: directory + "/first")
        #expect(file.path == target)
        try file.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/first") == "second")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o640)
        #expect(try leftovers() == ["first", "real.yml", "second"])
    }

    @Test func aLinkToAFileNotYetThereCreatesIt() throws {
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "later.yml")
        try AtomicFile.write("new\n", to: directory + "/link")
        #expect(try String(contentsOfFile: directory + "/later.yml", encoding: .utf8) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link") == "later.yml")
    }

    @Test func aPipeIsNotReplaced() throws {
        let fifo = directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x\n", to: fifo) }
        #expect(try OutputFile.destination(of: fifo) == .stream(fifo))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aDiscardedReplacementLeavesTheTargetAndNoTemporaryFile() throws {
        let path = directory + "/out.yml"
        try "keep\n".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try AtomicFile(preparing: "new\n", for: path)
        #expect(try String(contentsOfFile: file.temporaryPath, encoding: .utf8) == "new\n")
        #expect(try leftovers().count == 2)
        file.discard()
        #expect(throws: FileWriteError.self) { try file.commit() }
        #expect(try leftovers() == ["out.yml"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
        // Dropped without a commit: the same.
        _ = try AtomicFile(preparing: "new\n", for: path)
        #expect(try leftovers() == ["out.yml"])
    }

    @Test func interruptionCleanupRemovesTheTemporaryFilesInProgress() throws {
        let path = directory + "/out.yml"
        try "keep\n".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try AtomicFile(preparing: "one\n", for: path)
        let second = try AtomicFile(preparing: "two\n", for: directory + "/other.yml")
        #expect(try leftovers().count == 3)
        // What the SIGINT/SIGTERM handler does before the process ends.
        AtomicFile.removeTemporaryFiles()
        #expect(try leftovers() == ["out.yml"])
        #expect(throws: FileWriteError.self) { try first.commit() }
        #expect(throws: FileWriteError.self) { try second.commit() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
        // A committed file is no longer registered: a later cleanup leaves it alone.
        try AtomicFile.write("three\n", to: path)
        AtomicFile.removeTemporaryFiles()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three\n")
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }
}
