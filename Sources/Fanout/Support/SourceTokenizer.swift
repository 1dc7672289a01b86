/// A small tokenizer for JavaScript and Python handler files, enough to find their imports:
/// it knows comments and string literals (so neither a comment nor a string that mentions a
/// file is taken for an import), identifiers, and single-character punctuation. It is not a
/// parser: JavaScript template literals are read to their closing backtick without looking
/// into `${…}`, and a `/` starts a regular expression only where an expression may begin.
enum SourceTokenizer {
    /// A token and the line it starts on.
    struct Token: Equatable {
        enum Kind: Equatable {
            /// An identifier or keyword.
            case identifier
            /// A string literal; `text` is what is between the quotes, escapes left as written.
            case string
            /// A single character of punctuation, such as `(` or `.`.
            case punctuation
            /// The end of a logical line (Python only, outside brackets).
            case newline
            /// A number or a regular expression literal.
            case other
        }

        var kind: Kind
        var text: String
        var line: Int
    }

    /// The language of a source file.
    enum Language {
        case javaScript, python
    }

    /// The tokens of `source`, comments left out.
    static func tokens(_ source: String, language: Language) -> [Token] {
        var scanner = Scanner(bytes: Array(source.utf8), language: language)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        let language: Language
        var index = 0
        var line = 1
        var bracketDepth = 0
        var tokens: [Token] = []

        init(bytes: [UInt8], language: Language) {
            self.bytes = bytes
            self.language = language
        }

        func byte(_ offset: Int = 0) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        mutating func run() -> [Token] {
            while let current = byte() {
                switch current {
                case ascii("\n"):
                    if language == .python && bracketDepth == 0 && tokens.last.map({ $0.kind != .newline }) == true {
                        tokens.append(Token(kind: .newline, text: "", line: line))
                    }
                    line += 1
                    index += 1
                case ascii(" "), ascii("\t"), ascii("\r"), 0x0B, 0x0C:
                    index += 1
                case ascii("\\") where language == .python && byte(1) == ascii("\n"):
                    // An explicit line continuation.
                    line += 1
                    index += 2
                case ascii("#") where language == .python:
                    skipToEndOfLine()
                case ascii("/") where language == .javaScript && byte(1) == ascii("/"):
                    skipToEndOfLine()
                case ascii("/") where language == .javaScript && byte(1) == ascii("*"):
                    skipBlockComment()
                case ascii("'"), ascii("\""):
                    string(quote: current)
                case ascii("`") where language == .javaScript:
                    string(quote: current)
                case ascii("/") where language == .javaScript && regularExpressionMayStart:
                    regularExpression()
                case _ where isIdentifierByte(current):
                    word()
                default:
                    if [ascii("("), ascii("["), ascii("{")].contains(current) { bracketDepth += 1 }
                    if [ascii(")"), ascii("]"), ascii("}")].contains(current) { bracketDepth = max(0, bracketDepth - 1) }
                    tokens.append(Token(kind: .punctuation, text: String(UnicodeScalar(current)), line: line))
                    index += 1
                }
            }
            return tokens
        }

        mutating func skipToEndOfLine() {
            while let current = byte(), current != ascii("\n") { index += 1 }
        }

        mutating func skipBlockComment() {
            index += 2
            while let current = byte() {
                if current == ascii("*") && byte(1) == ascii("/") {
                    index += 2
                    return
                }
                if current == ascii("\n") { line += 1 }
                index += 1
            }
        }

        /// A string literal; Python's triple-quoted strings included. An unterminated
        /// single-line string ends at the end of its line.
        mutating func string(quote: UInt8) {
            let startLine = line
            let triple = language == .python && byte(1) == quote && byte(2) == quote
            index += triple ? 3 : 1
            let start = index
            var end = bytes.count
            while let current = byte() {
                if current == ascii("\\") {
                    if byte(1) == ascii("\n") { line += 1 }
                    index += 2
                    continue
                }
                if current == quote && (!triple || (byte(1) == quote && byte(2) == quote)) {
                    end = index
                    index += triple ? 3 : 1
                    break
                }
                if current == ascii("\n") {
                    if !triple && quote != ascii("`") {
                        end = index
                        break
                    }
                    line += 1
                }
                index += 1
            }
            let text = String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
            tokens.append(Token(kind: .string, text: text, line: startLine))
        }

        /// Whether a `/` here begins a regular expression rather than a division: after an
        /// operator, an opening bracket, a comma or a keyword such as `return`.
        var regularExpressionMayStart: Bool {
            guard let previous = tokens.last else { return true }
            switch previous.kind {
            case .punctuation: return ![")", "]", "}"].contains(previous.text)
            case .identifier:
                return ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]
                    .contains(previous.text)
            case .string, .other, .newline: return false
            }
        }

        mutating func regularExpression() {
            let startLine = line
            index += 1
            var inClass = false
            while let current = byte(), current != ascii("\n") {
                if current == ascii("\\") {
                    index += 2
                    continue
                }
                index += 1
                if current == ascii("[") { inClass = true }
                if current == ascii("]") { inClass = false }
                if current == ascii("/") && !inClass { break }
            }
            while let current = byte(), isIdentifierByte(current) { index += 1 }  // flags
            tokens.append(Token(kind: .other, text: "/…/", line: startLine))
        }

        mutating func word() {
            let start = index
            while let current = byte(), isIdentifierByte(current) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            let isNumber = bytes[start] >= ascii("0") && bytes[start] <= ascii("9")
            tokens.append(Token(kind: isNumber ? .other : .identifier, text: text, line: line))
        }

        func isIdentifierByte(_ byte: UInt8) -> Bool {
            switch byte {
            case ascii("a")...ascii("z"), ascii("A")...ascii("Z"), ascii("0")...ascii("9"), ascii("_"): true
            case ascii("$"): language == .javaScript
            default: byte >= 0x80  // non-ASCII letters in identifiers
            }
        }
    }
}

private func ascii(_ character: Unicode.Scalar) -> UInt8 {
    UInt8(ascii: character)
}
