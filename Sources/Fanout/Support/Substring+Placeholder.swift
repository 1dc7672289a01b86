extension Substring {
    /// The first `${` (the opening of a placeholder or variable), as `firstRange(of: "${")`
    /// finds it. ASCII text, the common case, is searched byte by byte: there every byte is a
    /// character, so the answer is the same, without the cost of comparing characters.
    func firstPlaceholderOpening() -> Range<Index>? {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return firstRange(of: "${") }
        var index = bytes.startIndex
        while let dollar = bytes[index...].firstIndex(of: UInt8(ascii: "$")) {
            let next = bytes.index(after: dollar)
            if next == bytes.endIndex { return nil }
            if bytes[next] == UInt8(ascii: "{") { return dollar..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    /// The first `}`, as `firstIndex(of: "}")` finds it, byte by byte in ASCII text.
    func firstClosingBrace() -> Index? {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return firstIndex(of: "}") }
        return bytes.firstIndex(of: UInt8(ascii: "}"))
    }
}
