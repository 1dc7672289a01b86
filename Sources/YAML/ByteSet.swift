/// A small set of bytes — those below a limit, and up to four more — found in UTF-8 text
/// sixteen bytes at a time. The emitter looks for line breaks with it, and Fanout's JSON
/// renderer for the bytes JSON escapes: most text has none, and every scalar of a template
/// is scanned.
package struct ByteSet: Sendable {
    private let limit: SIMD16<UInt8>
    private let first: SIMD16<UInt8>, second: SIMD16<UInt8>, third: SIMD16<UInt8>, fourth: SIMD16<UInt8>

    /// The bytes below `limit` (none for 0), `byte`, and `more` (at most three: the rest
    /// are ignored).
    package init(below limit: UInt8 = 0, _ byte: UInt8, _ more: UInt8...) {
        self.limit = SIMD16(repeating: limit)
        // An unused slot repeats `byte`, which changes nothing.
        first = SIMD16(repeating: byte)
        second = SIMD16(repeating: more.count > 0 ? more[0] : byte)
        third = SIMD16(repeating: more.count > 1 ? more[1] : byte)
        fourth = SIMD16(repeating: more.count > 2 ? more[2] : byte)
    }

    package func contains(_ byte: UInt8) -> Bool {
        byte < limit[0] || byte == first[0] || byte == second[0] || byte == third[0] || byte == fourth[0]
    }

    /// The index of the first byte of `bytes`, at `start` or after it, that is in the set.
    package func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = max(start, 0)
        let memory = UnsafeRawPointer(base)
        while index + 16 <= bytes.count {
            let chunk = memory.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let found = (chunk .< limit) .| (chunk .== first) .| (chunk .== second) .| (chunk .== third) .| (chunk .== fourth)
            if any(found) { break }
            index += 16
        }
        while index < bytes.count {
            if contains(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `text` holds a byte of the set.
    package func occurs(in text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ firstIndex(in: $0) != nil }) { return found }
        return text.utf8.contains(where: contains)
    }
}
