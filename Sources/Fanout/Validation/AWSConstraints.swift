import Foundation

/// What AWS enforces on the properties of the resource types Fanout emits, generated from the
/// CloudFormation resource provider schemas that ship inside cfn-lint.
///
/// The table (``resources``) lives in `AWSConstraints.generated.swift`, written by
/// `python3 Scripts/generate-aws-constraints.py`; a test fails when it is out of date.
public enum AWSConstraints {
    /// The table's patterns, each compiled the first time a value is checked against it (the
    /// schemas' patterns are written for ECMA and Python regular expressions, and a few may not
    /// compile here: those are kept as `nil`). Compiling every pattern up front cost a process
    /// about 15 M instructions (5 ms) before its first finding; a fan-out uses a few of them.
    private static let compiledPatterns = PatternCache()

    /// `pattern` compiled, or `nil` when it does not compile here.
    static func compiled(_ pattern: String) -> NSRegularExpression? {
        compiledPatterns.regex(pattern)
    }

    /// The patterns compiled so far, shared by threads (rules may run concurrently).
    private final class PatternCache: @unchecked Sendable {
        private let lock = NSLock()
        private var compiled: [String: NSRegularExpression?] = [:]

        func regex(_ pattern: String) -> NSRegularExpression? {
            lock.lock()
            defer { lock.unlock() }
            if let known = compiled[pattern] { return known }
            let regex = try? NSRegularExpression(pattern: pattern)
            compiled[pattern] = regex
            return regex
        }
    }

    /// Every distinct pattern in the table (values and keys), sorted.
    public static var allPatterns: [String] {
        Set(resources.values.flatMap(\.properties.values).flatMap { [$0.pattern, $0.keyPattern].compactMap { $0 } }).sorted()
    }

    /// The table's patterns that do not compile here; values are not checked against them.
    public static var uncompilablePatterns: [String] {
        allPatterns.filter { compiled($0) == nil }
    }

    /// Whether `text` contains a match for `pattern` (a JSON Schema `pattern` is not anchored),
    /// or `nil` when the pattern does not compile.
    public static func text(_ text: String, matches pattern: String) -> Bool? {
        guard let regex = compiled(pattern) else { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
