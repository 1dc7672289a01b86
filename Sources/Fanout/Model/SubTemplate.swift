/// The placeholder syntax of `Fn::Sub` templates.
enum SubTemplate {
    /// The names inside `${…}` placeholders, in order; `${!Literal}` escapes are skipped.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        forEachPlaceholder(in: template) { names.append(String($0)) }
        return names
    }

    /// Calls `visit` with each name ``placeholders(in:)`` lists, in order, without collecting
    /// them. ASCII text, the common case, is scanned byte by byte once (there every byte is a
    /// character, so the names are the same); other text goes through the character search.
    static func forEachPlaceholder(in template: String, _ visit: (Substring) -> Void) {
        let bytes = template.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            var rest = template[...]
            while let open = rest.firstPlaceholderOpening() {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.firstClosingBrace() else { break }
                let name = afterOpen[..<close]
                if !name.hasPrefix("!") { visit(name) }
                rest = afterOpen[afterOpen.index(after: close)...]
            }
            return
        }
        var index = bytes.startIndex
        while let dollar = bytes[index...].firstIndex(of: UInt8(ascii: "$")) {
            let brace = bytes.index(after: dollar)
            guard brace < bytes.endIndex else { return }
            guard bytes[brace] == UInt8(ascii: "{") else {
                index = brace
                continue
            }
            let start = bytes.index(after: brace)
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "}")) else { return }
            if start == close || bytes[start] != UInt8(ascii: "!") { visit(template[start..<close]) }
            index = bytes.index(after: close)
        }
    }
}
