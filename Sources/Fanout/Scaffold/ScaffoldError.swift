/// Why `fanout init` made no project, or could not write it. Nothing was written, unless the
/// case says otherwise.
public enum ScaffoldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The options cannot make a project; each problem says what to do.
    case invalidOptions([String])
    /// The service these options describe fails validation (a name too long for the names
    /// AWS derives from it, for example); the diagnostics, rendered.
    case invalidService(String)
    /// These files exist already in the folder, and `--force` was not given.
    case filesExist(directory: String, paths: [String])
    /// A folder or file could not be created or written.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .invalidOptions(let problems):
            return problems.map { "error: \($0)" }.joined(separator: "\n")
        case .invalidService(let diagnostics):
            return "error: the service this project would describe fails validation; a shorter project name usually helps:\n\(diagnostics)"
        case .filesExist(let directory, let paths):
            let list = paths.map { "  \($0)" }.joined(separator: "\n")
            return "error: \(directory) already has \(paths.count == 1 ? "a file" : "files") fanout init would write; nothing was written. Pass --force to replace \(paths.count == 1 ? "it" : "them"), or choose another folder with --dir:\n\(list)"
        case .cannotWrite(let reason):
            return "error: \(reason)"
        }
    }
}
