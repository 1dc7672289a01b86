/// A fragment of Swift source that knows how to lay itself out: on one line when it fits,
/// otherwise with the items of its outermost groups one per line, indented by four spaces.
/// ``SwiftPrinter`` builds its output from these, so the printed source is readable and the
/// same on every run.
indirect enum SwiftCode {
    /// Text that is never broken.
    case text(String)
    /// `open item, item close`, broken as `open`, one item a line, `close`. Collection
    /// literals take a comma after the last item when broken; argument lists do not (Swift
    /// 6.0 does not accept one there).
    case group(open: String, items: [SwiftCode], close: String, trailingComma: Bool)
    /// Fragments written one after another.
    case concat([SwiftCode])

    /// The widest line the printer aims for.
    static let width = 110

    /// A call: `name(arguments)`.
    static func call(_ name: String, _ arguments: [SwiftCode]) -> SwiftCode {
        .group(open: name + "(", items: arguments, close: ")", trailingComma: false)
    }

    /// A labelled argument: `label: value`.
    static func labelled(_ label: String, _ value: SwiftCode) -> SwiftCode {
        .concat([.text(label + ": "), value])
    }

    /// An array or dictionary literal.
    static func literal(_ items: [SwiftCode], empty: String = "[]") -> SwiftCode {
        items.isEmpty ? .text(empty) : .group(open: "[", items: items, close: "]", trailingComma: true)
    }

    /// The code on one line.
    var flat: String {
        switch self {
        case .text(let text): text
        case .group(let open, let items, let close, _): open + items.map(\.flat).joined(separator: ", ") + close
        case .concat(let parts): parts.map(\.flat).joined()
        }
    }

    /// The code starting at `column` of a line indented by `indent` spaces, leaving
    /// `reserve` columns for what follows it on the line.
    func rendered(indent: Int, column: Int, reserve: Int = 0) -> String {
        let flat = self.flat
        if column + flat.count + reserve <= Self.width && !flat.contains("\n") { return flat }
        switch self {
        case .text(let text):
            return text
        case .group(let open, let items, let close, let trailingComma):
            guard !items.isEmpty else { return flat }
            // A call whose only argument is a literal or call hugs it: `Condition([` … `])`.
            if !trailingComma, items.count == 1, case .group = items[0] {
                return open + items[0].rendered(indent: indent, column: column + open.count) + close
            }
            let inner = String(repeating: " ", count: indent + 4)
            let lines = items.enumerated().map { index, item in
                inner + item.rendered(indent: indent + 4, column: indent + 4)
                    + (trailingComma || index < items.count - 1 ? "," : "")
            }
            return open + "\n" + lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: indent) + close
        case .concat(let parts):
            var output = ""
            var column = column
            for (index, part) in parts.enumerated() {
                // A part breaks when what follows it up to the next chance to break (`.dependsOn(`)
                // would not fit after it.
                let following = index + 1 < parts.count ? parts[index + 1].leading.count : reserve
                let text = part.rendered(indent: indent, column: column, reserve: following)
                output += text
                if let lastBreak = text.lastIndex(of: "\n") {
                    column = text.distance(from: text.index(after: lastBreak), to: text.endIndex)
                } else {
                    column += text.count
                }
            }
            return output
        }
    }

    /// The text before the first place the code can break.
    var leading: String {
        switch self {
        case .text(let text): text
        case .group(let open, _, _, _): open
        case .concat(let parts): parts.first?.leading ?? ""
        }
    }

    /// A Swift string literal for `string`: quotes, backslashes (so `\(` stays text) and
    /// control characters escaped.
    static func string(_ string: String) -> String {
        var literal = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                literal += "\\u{\(String(scalar.value, radix: 16))}"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
