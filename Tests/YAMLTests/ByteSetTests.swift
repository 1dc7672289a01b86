import Testing
import YAML

/// `ByteSet` finds, sixteen bytes at a time, what a byte-by-byte scan finds: at every position
/// of texts longer and shorter than a chunk, from every starting point.
@Suite struct ByteSetTests {
    @Test func findsWhatAByteByByteScanFinds() {
        let sets = [ByteSet(below: 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\")), ByteSet(0x0A, 0x0D, 0xC2, 0xE2), ByteSet(UInt8(ascii: "x"))]
        let fillers: [UInt8] = Array("arn:aws:sqs:eu-central-1:123".utf8)
        let specials: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x5C, 0x78, 0xC2, 0xE2, 0x7F, 0xFF]
        for set in sets {
            for length in [0, 1, 15, 16, 17, 31, 32, 33, 47] {
                for special in specials {
                    for position in stride(from: 0, to: max(length, 1), by: 5) where length > 0 {
                        var bytes = (0..<length).map { fillers[$0 % fillers.count] }
                        bytes[position] = special
                        bytes.withUnsafeBufferPointer { buffer in
                            for start in [0, 1, 16, position, position + 1] {
                                let expected = buffer.indices.first { $0 >= start && set.contains(buffer[$0]) }
                                #expect(set.firstIndex(in: buffer, from: start) == expected, "length \(length), byte \(special) at \(position), from \(start)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func setsHoldWhatTheyList() {
        let escaped = ByteSet(below: 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"))
        #expect((0..<0x20).allSatisfy { escaped.contains(UInt8($0)) })
        #expect(escaped.contains(0x22) && escaped.contains(0x5C))
        #expect(!escaped.contains(0x20) && !escaped.contains(0x7F) && !escaped.contains(0xC3))
        let breaks = ByteSet(0x0A, 0x0D, 0xC2, 0xE2)
        #expect(!breaks.contains(0x00) && !breaks.contains(0x09) && breaks.contains(0x0A) && breaks.contains(0xE2))
        #expect(breaks.occurs(in: "a\u{2028}b") && !breaks.occurs(in: "plain text, no break") && !breaks.occurs(in: ""))
        #expect(escaped.occurs(in: "tab\there") && !escaped.occurs(in: "arn:aws:sns:eu-central-1:123456789012:events"))
    }
}
