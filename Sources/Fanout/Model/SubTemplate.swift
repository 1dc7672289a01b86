/// The placeholder syntax of `Fn::Sub` templates.
enum SubTemplate {
    /// The names inside `${…}` placeholders, in order; `${!Literal}` escapes are skipped.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstPlaceholderOpening() {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstClosingBrace() else { break }
            let name = afterOpen[..<close]
            if !name.hasPrefix("!") { names.append(String(name)) }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return names
    }
}
