import OrderedCollections

/// Reads JSON text (RFC 8259) into a ``JSONValue``, keeping object key order and the text of
/// numbers, and reporting the line and column of the first error. Nesting deeper than
/// ``depthLimit`` is refused rather than recursed into.
public struct JSONReader {
    /// How deep arrays and objects may nest.
    public static let depthLimit = 512

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The JSON value `text` holds; throws a ``JSONReadError`` saying where it is not JSON.
    public static func read(_ text: String) throws(JSONReadError) -> JSONValue {
        var reader = JSONReader(text)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.index < reader.scalars.count {
            throw reader.error("unexpected \(reader.describeCurrent()) after the JSON value; remove it, or quote the whole value")
        }
        return value
    }

    private mutating func value(depth: Int) throws(JSONReadError) -> JSONValue {
        guard depth < Self.depthLimit else { throw error("nesting deeper than \(Self.depthLimit) levels") }
        guard index < scalars.count else { throw error("the text ends where a value belongs; give a value such as \"text\", 1, true, [...] or {...}") }
        switch scalars[index] {
        case "{": return try object(depth: depth)
        case "[": return try array(depth: depth)
        case "\"": return .string(try string())
        case "t": try keyword("true"); return .bool(true)
        case "f": try keyword("false"); return .bool(false)
        case "n": try keyword("null"); return .null
        case "-", "0"..."9": return try number()
        default:
            throw error("unexpected \(describeCurrent()) where a value belongs; strings take double quotes (\"text\")")
        }
    }

    private mutating func object(depth: Int) throws(JSONReadError) -> JSONValue {
        index += 1
        var members: OrderedDictionary<String, JSONValue> = [:]
        skipSpace()
        if peek == "}" { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek == "\"" else { throw error("expected a key in double quotes, found \(describeCurrent())") }
            let key = try string()
            skipSpace()
            guard peek == ":" else { throw error("expected ':' after the key \"\(key)\", found \(describeCurrent())") }
            index += 1
            skipSpace()
            // A repeated key: the last one wins, as most JSON readers (and SNS's) take it.
            members[key] = try value(depth: depth + 1)
            skipSpace()
            if peek == "," { index += 1; continue }
            if peek == "}" { index += 1; return .object(members) }
            throw error("expected ',' or '}' in an object, found \(describeCurrent())")
        }
    }

    private mutating func array(depth: Int) throws(JSONReadError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == "]" { index += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if peek == "," { index += 1; continue }
            if peek == "]" { index += 1; return .array(items) }
            throw error("expected ',' or ']' in an array, found \(describeCurrent())")
        }
    }

    private mutating func string() throws(JSONReadError) -> String {
        let start = index
        index += 1
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                index += 1
                return String(result)
            case "\\":
                index += 1
                guard index < scalars.count else { break }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{8}")
                case "f": result.append("\u{C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" {
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            // Not the pair's second half: the lone high surrogate, then this
                            // escape on its own.
                            result.append("\u{FFFD}")
                            code = low
                        }
                    }
                    // A lone surrogate has no scalar: it reads as U+FFFD, as lenient readers do.
                    result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    index -= 1
                    throw error("unknown escape '\\\(escape)' in a string; escape only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            default:
                guard scalar.value >= 0x20 else {
                    throw error("a control character (U+\(String(scalar.value, radix: 16, uppercase: true))) inside a string; write it as an escape such as \\n")
                }
                result.append(scalar)
                index += 1
            }
        }
        index = start
        throw error("a string that is never closed; end it with a double quote")
    }

    private mutating func hex4() throws(JSONReadError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            // ASCII digits only: Character.hexDigitValue also reads full-width ones.
            guard index < scalars.count, scalars[index].isASCII, let digit = Character(scalars[index]).hexDigitValue else {
                throw error("\\u takes four hexadecimal digits")
            }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(JSONReadError) -> JSONValue {
        let start = index
        if peek == "-" { index += 1 }
        guard let first = peek, ("0"..."9").contains(first) else { throw error("a '-' must be followed by digits") }
        if first == "0" {
            index += 1
        } else {
            skipDigits()
        }
        if peek == "." {
            index += 1
            guard let digit = peek, ("0"..."9").contains(digit) else { throw error("a decimal point must be followed by digits") }
            skipDigits()
        }
        if peek == "e" || peek == "E" {
            index += 1
            if peek == "+" || peek == "-" { index += 1 }
            guard let digit = peek, ("0"..."9").contains(digit) else { throw error("an exponent must have digits") }
            skipDigits()
        }
        if let next = peek, ("0"..."9").contains(next) {
            throw error("a number may not start with 0 followed by digits (\"0\(next)\"); drop the leading zero or quote it")
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<index])
        let string = String(text)
        guard let value = Double(string), value.isFinite else {
            index = start
            throw error("the number \(string) is out of range")
        }
        return .number(value, text: string)
    }

    private mutating func keyword(_ word: String) throws(JSONReadError) {
        for expected in word.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                throw error("unexpected \(describeCurrent()); did you mean \(word)? Strings take double quotes")
            }
            index += 1
        }
    }

    private mutating func skipDigits() {
        while let scalar = peek, ("0"..."9").contains(scalar) { index += 1 }
    }

    private mutating func skipSpace() {
        while let scalar = peek, scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" { index += 1 }
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func describeCurrent() -> String {
        guard let scalar = peek else { return "the end of the text" }
        return "'\(Character(scalar))'"
    }

    /// An error at the current position: lines counted by "\n", columns in characters.
    private func error(_ message: String) -> JSONReadError {
        var line = 1, column = 1
        for scalar in scalars[..<min(index, scalars.count)] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return JSONReadError(line: line, column: column, message: message)
    }
}
