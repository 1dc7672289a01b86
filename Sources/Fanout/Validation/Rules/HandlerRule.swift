/// FAN012: handlers Lambda refuses or cannot load. Every handler is 1–128 characters without
/// whitespace (the `Handler` pattern `^[^\s]+$`, maxLength 128, of the AWS::Lambda::Function
/// schema in cfn-lint 1.51.0). Node.js, Python and Ruby handlers are `path/module.export`: a
/// module and an exported name, both non-empty; naming the file with its extension
/// (`src/app.js.handler`) deploys but fails on every invocation.
public struct HandlerRule: Rule {
    public let code = "FAN012"
    public let summary = "Handlers are path/module.export for the function's runtime"
    public init() {}
    public var readsTarget: Bool { false }

    public static let maximumLength = 128

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.service.functions.compactMap { function in
            let runtime = function.runtime ?? context.service.provider.runtime
            let handler = function.handler
            let problem: (Severity, String)?
            if handler.isEmpty {
                problem = (.error, "has an empty handler")
            } else if handler.contains(where: \.isWhitespace) {
                problem = (.error, "has a handler with whitespace, '\(handler)', which Lambda refuses")
            } else if handler.count > Self.maximumLength {
                problem = (.error, "has a handler of \(handler.count) characters; Lambda allows \(Self.maximumLength)")
            } else {
                problem = Self.problem(with: handler, on: runtime)
            }
            guard let (severity, text) = problem else { return nil }
            return diagnostic(
                severity, "\(function.key) \(text). \(Self.advice(for: runtime))",
                path: context.path(function) + ".handler", at: function.location)
        }
    }

    private enum Language { case node, python, ruby }

    private static func language(of runtime: Runtime) -> Language? {
        let name = runtime.rawValue
        if name.hasPrefix("nodejs") { return .node }
        if name.hasPrefix("python") { return .python }
        if name.hasPrefix("ruby") { return .ruby }
        return nil
    }

    private static func advice(for runtime: Runtime) -> String {
        switch language(of: runtime) {
        case .node?: "A \(runtime) handler is the file's path without extension, a dot and the exported function: src/orders.handler"
        case .python?: "A \(runtime) handler is the module's path, a dot and the function: src/orders.handler"
        case .ruby?: "A \(runtime) handler is the file's path without extension, a dot and the method: src/orders.handler"
        case nil: "Set the handler the \(runtime) runtime expects"
        }
    }

    /// What is wrong with a non-empty handler without whitespace, for languages whose
    /// handler names a module and a function in it.
    private static func problem(with handler: String, on runtime: Runtime) -> (Severity, String)? {
        guard let language = language(of: runtime) else { return nil }
        // The last path component holds the module's name and the export.
        let directory = handler.lastIndex(of: "/").map { handler[...$0] } ?? ""
        let last = handler[directory.endIndex...]
        let parts: (module: Substring, export: Substring)?
        switch language {
        case .node:
            // Node.js splits at the first dot of the last component: `a/b.c.d` exports c.d.
            parts = last.firstIndex(of: ".").map { (last[..<$0], last[last.index(after: $0)...]) }
        case .python, .ruby:
            parts = last.lastIndex(of: ".").map { (last[..<$0], last[last.index(after: $0)...]) }
        }
        guard let (module, export) = parts else {
            return (.error, "has the handler '\(handler)', which names no function: it has no '.'")
        }
        if handler.hasPrefix("/") {
            return (.error, "has the handler '\(handler)', an absolute path: the runtime looks for it under the code's root, so write it relative (without the leading '/')")
        }
        if module.isEmpty || (language != .node && directory.contains("//")) {
            return (.error, "has the handler '\(handler)', which names no module")
        }
        let names = export.split(separator: ".", omittingEmptySubsequences: false)
        if names.contains(where: \.isEmpty) {
            return (.error, "has the handler '\(handler)', which names no function after the '.'")
        }
        if let bad = names.first(where: { !isIdentifier($0, language) }) {
            // Node.js looks the export up by name (`module["my-handler"]`), so any name can be
            // exported; Python and Ruby name functions by identifiers only.
            if language == .node {
                return (.warning, "has the handler '\(handler)', whose export name '\(bad)' is no JavaScript identifier: only an export written as exports[\"\(bad)\"] matches it; rename the function if that is not what the code does")
            }
            return (.error, "has the handler '\(handler)', whose function name '\(bad)' is no \(language == .python ? "Python" : "Ruby") identifier")
        }
        if language == .node && directory.contains("//") {
            // Node.js resolves `src//app` as `src/app`; the doubled slash is most likely a typo.
            return (.warning, "has the handler '\(handler)', with '//' in its path, which Node.js reads as one '/': write a single '/'")
        }
        let extensions: Set<String> = switch language {
        case .node: ["js", "mjs", "cjs", "ts"]
        case .python: ["py"]
        case .ruby: ["rb"]
        }
        let fileExtension = language == .node ? names.first.map(String.init) : module.split(separator: ".").last.map(String.init)
        if let fileExtension, extensions.contains(fileExtension), language == .node ? names.count > 1 : module.contains(".") {
            return (.warning, "has the handler '\(handler)', which names the file with its extension .\(fileExtension): the runtime adds it, so every invocation fails to load the handler")
        }
        return nil
    }

    private static func isIdentifier(_ name: Substring, _ language: Language) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || (language == .node && first == "$") else { return false }
        return name.dropLast(language == .ruby && (name.last == "?" || name.last == "!") ? 1 : 0).allSatisfy { character in
            character.isASCIIAlphanumeric || character == "_" || (language == .node && character == "$")
        }
    }
}
