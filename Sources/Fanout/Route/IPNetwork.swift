/// An IPv4 or IPv6 network (`10.0.0.0/24`, `2001:db8::/32`) for the filter operator `cidr`,
/// and the addresses it contains. IPv4 addresses never fall in an IPv6 network or the
/// reverse. https://docs.aws.amazon.com/sns/latest/dg/ip-address-matching.html
struct IPNetwork: Hashable, Sendable {
    /// The address bytes: 4 for IPv4, 16 for IPv6.
    var bytes: [UInt8]
    var prefixLength: Int

    /// The network `text` spells, or `nil` when it is none (``CIDR/problem(_:)`` says why).
    init?(_ text: String) {
        guard CIDR.problem(text) == nil else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), let bytes = Self.address(String(parts[0])) else { return nil }
        self.bytes = bytes
        self.prefixLength = bits
    }

    /// Whether `text` is an address of this network.
    func contains(_ text: String) -> Bool {
        guard let address = Self.address(text), address.count == bytes.count else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(bytes, address) where remaining > 0 {
            let bits = min(remaining, 8)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The bytes of an IPv4 (dotted, canonical) or IPv6 address, or `nil`.
    static func address(_ text: String) -> [UInt8]? {
        if let octets = CIDR.ipv4(text) { return octets }
        guard CIDR.isIPv6(text) else { return nil }
        let halves = text.components(separatedBy: "::")
        func groups(_ half: String) -> [UInt16] {
            half.isEmpty ? [] : half.split(separator: ":").compactMap { UInt16($0, radix: 16) }
        }
        let head = groups(halves[0])
        let tail = halves.count == 2 ? groups(halves[1]) : []
        let all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
