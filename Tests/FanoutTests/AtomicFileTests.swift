import Fanout
import Foundation
import Testing

@Suite struct AtomicFileTests {
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

    @Test func failureLeavesTheTargetAsItWasAndNoTemporaryFile() throws {
        // A directory cannot be replaced by a file: the rename fails after the write.
        let target = directory + "/taken"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try "keep\n".write(toFile: target + "/inner", atomically: false, encoding: .utf8)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("new\n", to: target)
        }
        #expect(try String(contentsOfFile: target + "/inner", encoding: .utf8) == "keep\n")
        #expect(try leftovers() == ["taken"])
    }

    @Test func missingFolderIsAClearError() throws {
        let path = directory + "/missing/out.yml"
        do {
            try AtomicFile.write("x\n", to: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: cannot write \(path): No such file or directory")
        }
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }
}
