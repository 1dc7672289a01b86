import Foundation

/// What AWS enforces on the properties of the resource types Fanout emits, generated from the
/// CloudFormation resource provider schemas that ship inside cfn-lint.
///
/// The table (``resources``) lives in `AWSConstraints.generated.swift`, written by
/// `python3 Scripts/generate-aws-constraints.py`; a test fails when it is out of date.
public enum AWSConstraints {
    /// Every pattern of the table, compiled on first use; the schemas' patterns are written for
    /// ECMA and Python regular expressions, and a few may not compile here.
    static let compiledPatterns: [String: NSRegularExpression] = {
        var compiled: [String: NSRegularExpression] = [:]
        for pattern in allPatterns {
            compiled[pattern] = try? NSRegularExpression(pattern: pattern)
        }
        return compiled
    }()

    /// Every distinct pattern in the table (values and keys), sorted.
    public static var allPatterns: [String] {
        Set(resources.values.flatMap(\.properties.values).flatMap { [$0.pattern, $0.keyPattern].compactMap { $0 } }).sorted()
    }

    /// The table's patterns that do not compile here; values are not checked against them.
    public static var uncompilablePatterns: [String] {
        allPatterns.filter { compiledPatterns[$0] == nil }
    }

    /// Whether `text` contains a match for `pattern` (a JSON Schema `pattern` is not anchored),
    /// or `nil` when the pattern does not compile.
    public static func text(_ text: String, matches pattern: String) -> Bool? {
        guard let regex = compiledPatterns[pattern] else { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
