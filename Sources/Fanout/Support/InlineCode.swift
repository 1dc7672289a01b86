import Foundation

/// Reads functions' handler sources from a project folder, for templates that inline the code.
public enum InlineCode {
    /// The source of each function's handler file, keyed by function key: handler
    /// `src/trigger.handler` is read from `directory/src/trigger.js` (or `.py` for Python).
    public static func sources(for service: Service, in directory: String) throws(TranslationError) -> [String: String] {
        var sources: [String: String] = [:]
        for function in service.functions {
            let runtime = (function.runtime ?? service.provider.runtime).rawValue
            let module = function.handler.split(separator: ".").dropLast().joined(separator: ".")
            let fileExtension = runtime.hasPrefix("python") ? "py" : "js"
            let path = "\(directory)/\(module).\(fileExtension)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TranslationError(
                    "cannot read \(path), the handler file of function '\(function.key)'",
                    at: function.location)
            }
            guard let source = String(data: data, encoding: .utf8) else {
                throw TranslationError("\(path) is not UTF-8 text", at: function.location)
            }
            // Lambda saves inline code as a single file: relative imports would not be there.
            if source.contains("require('./") || source.contains("require(\"./") || source.contains("from '.") {
                throw TranslationError(
                    "\(path) imports another file of the project; inline code must be one self-contained file (use the S3 artifact instead)",
                    at: function.location)
            }
            sources[function.key] = source
        }
        return sources
    }
}
