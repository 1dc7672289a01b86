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
        !name.isEmpty && name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" }
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
