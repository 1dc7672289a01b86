/// A stable 64-bit FNV-1a hash of a value tree, for logical IDs that must change exactly when
/// the content they stand for changes (not for security). It reads the tree itself, so it is
/// the same on every run and machine and independent of how the tree is rendered.
enum ContentHash {
    /// The hash of `value` as 16 lower-case hex digits.
    static func hex(of value: Value) -> String {
        var hasher = FNV1a()
        hasher.combine(value)
        let digits = String(hasher.hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// FNV-1a over an unambiguous encoding of the tree: a kind byte before every node,
    /// lengths before strings and before the items of lists and maps.
    private struct FNV1a {
        private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func combine(_ value: Value) {
            switch value {
            case .string(let string): byte(1); combine(string)
            case .text(let text): byte(2); combine(text.description)
            case .int(let int): byte(3); combine(UInt64(bitPattern: Int64(int)))
            case .bool(let bool): byte(4); byte(bool ? 1 : 0)
            case .list(let items):
                byte(5); combine(UInt64(items.count))
                items.forEach { combine($0) }
            case .map(let map):
                byte(6); combine(UInt64(map.count))
                for (key, item) in map { combine(key); combine(item) }
            case .ref(let id): byte(7); combine(id)
            case .getAtt(let id, let attribute): byte(8); combine(id); combine(attribute)
            case .sub(let template, let variables): byte(9); combine(template); combine(.map(variables))
            case .join(let delimiter, let items): byte(10); combine(delimiter); combine(.list(items))
            case .function(let name, let argument): byte(11); combine(name); combine(argument)
            }
        }

        private mutating func combine(_ string: String) {
            combine(UInt64(string.utf8.count))
            string.utf8.forEach { byte($0) }
        }

        private mutating func combine(_ number: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
        }

        private mutating func byte(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
    }
}
