/// What AWS accepts as the physical names Fanout writes, stated once.
public enum AWSName {
    /// SQS queue names: at most 80 characters, `.fifo` included.
    public static let queueLimit = 80
    /// SNS topic names: at most 256 characters, `.fifo` included.
    public static let topicLimit = 256
    /// Lambda function names: at most 64 characters.
    public static let functionLimit = 64

    /// Whether `name` is non-empty and made of `[A-Za-z0-9_-]` only, as queue, topic and
    /// function names (and so function keys, which become part of them) must be.
    public static func hasAllowedCharacters(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.isASCIIAlphanumeric(allowing: "-_")
    }
}

extension StringProtocol {
    /// Whether every character is `[A-Za-z0-9]` or one of the ASCII characters of `extra`.
    /// Read from the UTF-8 bytes: breaking the text into characters costs a grapheme-cluster
    /// step each, and these checks run on every name of a service. A character outside ASCII
    /// has no byte that passes.
    func isASCIIAlphanumeric(allowing extra: String = "") -> Bool {
        utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) || extra.utf8.contains(byte)
        }
    }
}

extension Character {
    /// `[A-Za-z0-9]`: the ASCII characters that are letters or numbers, read from the byte
    /// (Unicode's letter and number properties are a table lookup per character).
    var isASCIIAlphanumeric: Bool {
        guard let ascii = asciiValue else { return false }
        let lower = ascii | 0x20
        return (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(lower)
    }
}
