/// The imports of a handler file that would load another file of the project: what inline
/// code cannot do, because Lambda saves inline code as a single file.
enum SourceImports {
    /// One import statement.
    struct Import: Equatable {
        /// The statement as it would read, such as `require('./lib/batch')` or `from . import x`.
        var statement: String
        /// Its line in the file, from 1.
        var line: Int
    }

    /// JavaScript imports of relative paths: `require('./x')`, `import … from './x'`,
    /// `export … from './x'`, `import './x'` and `import('./x')`, with `./`, `../` or `/`.
    static func javaScript(_ source: String) -> [Import] {
        let tokens = SourceTokenizer.tokens(source, language: .javaScript)
        var imports: [Import] = []
        for (index, token) in tokens.enumerated() where token.kind == .identifier {
            func next(_ offset: Int) -> SourceTokenizer.Token? {
                index + offset < tokens.count ? tokens[index + offset] : nil
            }
            if token.text == "require" || token.text == "import", next(1)?.kind == .punctuation, next(1)?.text == "(",
               let called = next(2), called.kind == .string {
                if isRelative(called.text) {
                    imports.append(Import(statement: "\(token.text)('\(called.text)')", line: called.line))
                }
            } else if token.text == "import" || token.text == "from", let specifier = next(1), specifier.kind == .string,
                      isRelative(specifier.text), index == 0 || tokens[index - 1].text != "." {
                // `Buffer.from('./x')` is a call, not an import.
                imports.append(Import(statement: "\(token.text) '\(specifier.text)'", line: specifier.line))
            }
        }
        return imports
    }

    /// Python relative imports (`from . import x`, `from .x import y`) and absolute imports of
    /// a module `isLocalModule` says is a file of the project (`import helpers` next to a
    /// helpers.py).
    static func python(_ source: String, isLocalModule: (String) -> Bool) -> [Import] {
        let tokens = SourceTokenizer.tokens(source, language: .python)
        var imports: [Import] = []
        for (index, token) in tokens.enumerated() where token.kind == .identifier {
            // `from` and `import` begin a statement; elsewhere (`raise … from e`) they do not import.
            let startsStatement = index == 0 || tokens[index - 1].kind == .newline
                || [";", ":"].contains(tokens[index - 1].text) && tokens[index - 1].kind == .punctuation
            guard startsStatement else { continue }
            var cursor = index + 1
            func dottedName() -> String {
                var name = ""
                while cursor < tokens.count {
                    let part = tokens[cursor]
                    if part.kind == .punctuation && part.text == "." {
                        name += "."
                    } else if part.kind == .identifier && part.text != "import" && (name.isEmpty || name.hasSuffix(".")) {
                        name += part.text
                    } else {
                        break
                    }
                    cursor += 1
                }
                return name
            }
            switch token.text {
            case "from":
                let module = dottedName()
                if module.hasPrefix(".") {
                    imports.append(Import(statement: "from \(module) import", line: token.line))
                } else if let top = module.split(separator: ".").first, isLocalModule(String(top)) {
                    imports.append(Import(statement: "from \(module) import", line: token.line))
                }
            case "import":
                // import a.b, c as d
                while cursor < tokens.count {
                    let module = dottedName()
                    if let top = module.split(separator: ".").first, isLocalModule(String(top)) {
                        imports.append(Import(statement: "import \(module)", line: token.line))
                    }
                    if cursor < tokens.count, tokens[cursor].text == "as" { cursor += 2 }
                    guard cursor < tokens.count, tokens[cursor].text == "," else { break }
                    cursor += 1
                }
            default:
                break
            }
        }
        return imports
    }

    /// Whether a JavaScript module specifier names a file by its path rather than a package.
    static func isRelative(_ specifier: String) -> Bool {
        specifier == "." || specifier == ".." || specifier.hasPrefix("./") || specifier.hasPrefix("../")
            || specifier.hasPrefix("/")
    }
}
