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
    /// `[A-Za-z0-9]`.
    var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
}
