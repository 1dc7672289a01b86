import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads functions' handler sources from a project folder, for templates that inline the code.
public enum InlineCode {
    /// The source of each function's handler file, keyed by function key: handler
    /// `src/trigger.handler` is read from `directory/src/trigger.js` (or `.py` for Python).
    ///
    /// Refuses a file larger than Lambda's inline limit (`CloudFormationOptions.inlineCodeLimit`;
    /// it is never read beyond that) and one that imports another file of the project, which
    /// the single inline file could not load: `require('./x')`, `import … from './x'`,
    /// `import('./x')`, Python's `from . import x`, or `import helpers` with a helpers.py in
    /// the folder. Imports mentioned in comments or strings do not count.
    ///
    /// - Throws: ``ValidationFailure`` with a diagnostic (FAN006, ``Translation/diagnosticCode``)
    ///   for every handler that cannot be inlined, not only the first.
    public static func sources(for service: Service, in directory: String) throws(ValidationFailure) -> [String: String] {
        let (sources, diagnostics) = load(for: service, in: directory)
        guard diagnostics.isEmpty else { throw ValidationFailure(diagnostics) }
        return sources
    }

    /// The source of each handler that can be inlined, keyed by function key, and a
    /// diagnostic (an error, FAN006) at each function whose handler cannot be, in declaration
    /// order: what ``sources(for:in:)`` reads and refuses, for callers that report diagnostics
    /// alongside validation's (`lint --format json`).
    public static func load(for service: Service, in directory: String) -> (sources: [String: String], diagnostics: [Diagnostic]) {
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for function in service.functions {
            do {
                sources[function.key] = try source(of: function, runtime: function.runtime ?? service.provider.runtime, in: directory)
            } catch {
                diagnostics.append(Diagnostic(
                    Translation.diagnosticCode, .error, error.message,
                    path: "functions.\(function.key).handler", at: error.location))
            }
        }
        return (sources, diagnostics)
    }

    /// The source of `function`'s handler file, refused when it imports another file of the project.
    private static func source(of function: Function, runtime: Runtime, in directory: String) throws(TranslationError) -> String {
        let module = function.handler.split(separator: ".").dropLast().joined(separator: ".")
        let isPython = runtime.rawValue.hasPrefix("python")
        let path = "\(directory)/\(module).\(isPython ? "py" : "js")"
        let source = try read(path, for: function)
        let imports = isPython
            ? SourceImports.python(source) { name in isLocalPythonModule(name, besides: path, root: directory) }
            : SourceImports.javaScript(source)
        if let first = imports.first {
            let others = imports.count > 1 ? " (and \(imports.count - 1) more import\(imports.count > 2 ? "s" : "") like it)" : ""
            let remedy = isPython
                ? "copy what it needs into this file"
                : "bundle the handler into one file (for example with esbuild --bundle)"
            throw TranslationError(
                "\(path):\(first.line): `\(first.statement)` loads another file of the project\(others), but inline code must be one self-contained file (Lambda saves it as a single file); \(remedy), or deploy the S3 artifact instead (leave out --inline-code)",
                at: function.location)
        }
        return source
    }

    /// The text of the handler file at `path`, read no further than one byte past the limit.
    private static func read(_ path: String, for function: Function) throws(TranslationError) -> String {
        let limit = CloudFormationOptions.inlineCodeLimit
        func failure(_ reason: String) -> TranslationError {
            TranslationError("cannot read \(path), the handler file of function '\(function.key)': \(reason)", at: function.location)
        }
        func tooLarge(_ size: String) -> TranslationError {
            TranslationError(
                "\(path), the handler file of function '\(function.key)', is \(size) bytes; Lambda takes at most \(limit) as inline code: deploy the S3 artifact instead (leave out --inline-code)",
                at: function.location)
        }
        // Non-blocking, so that a FIFO cannot hold the open; a regular file ignores the flag.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw failure("\(reason) (the handler \(function.handler) is looked up relative to the --inline-code folder)")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw failure("it is not a regular file") }
        guard info.st_size <= limit else { throw tooLarge(String(info.st_size)) }

        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            count += read
        }
        // The file grew after fstat.
        guard count <= limit else { throw tooLarge("more than \(limit)") }
        guard let source = String(validatingUTF8Bytes: bytes[..<count]) else {
            throw TranslationError("\(path), the handler file of function '\(function.key)', is not UTF-8 text", at: function.location)
        }
        return source
    }

    /// Whether Python's `import name` would load a file of the project: a `name.py` or a
    /// package folder `name` next to the handler or at the root of the code folder (Lambda's
    /// task root), the handler itself excepted.
    private static func isLocalPythonModule(_ name: String, besides handler: String, root: String) -> Bool {
        let handlerFolder = handler.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        for folder in Set([root, handlerFolder]) {
            let file = "\(folder)/\(name).py"
            if file != handler && FileManager.default.fileExists(atPath: file) { return true }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory), isDirectory.boolValue {
                return true
            }
        }
        return false
    }
}

private extension String {
    /// The text of `bytes` if they are valid UTF-8.
    init?(validatingUTF8Bytes bytes: ArraySlice<UInt8>) {
        guard let text = String(data: Data(bytes), encoding: .utf8) else { return nil }
        self = text
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Musl)
private let systemRead = Musl.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
