import Foundation

/// The outcome of running a program.
struct ProgramResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs `executable` with `arguments`, waits for it, and captures its output.
/// `executable` is looked up on PATH unless it contains a slash.
func runProgram(
    _ executable: String, _ arguments: [String], input: String? = nil, currentDirectory: String? = nil,
    environment: [String: String] = [:]
) throws -> ProgramResult {
    let process = Process()
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let output = Pipe(), error = Pipe(), standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
    let errorData = DataBox()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { errorData.data = error.fileHandleForReading.readDataToEndOfFile() }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProgramResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData.data, as: UTF8.self))
}

/// Holds what the reading thread collected; `DispatchGroup.wait` orders the accesses.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
