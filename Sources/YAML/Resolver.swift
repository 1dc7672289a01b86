/// Decides what plain (unquoted) scalar text means to YAML readers.
///
/// The YAML 1.1 rules are PyYAML's implicit resolvers (`yaml/resolver.py`), with the
/// one-letter booleans `y`, `n`, `Y`, `N` of the YAML 1.1 spec added. `needsQuotes(_:)` also
/// guards against YAML 1.2 core schema readers, which resolve some texts differently.
public enum Resolver {
    /// What a YAML 1.1 reader resolves the plain scalar `text` to.
    ///
    /// The text is matched whole: unlike Python's `$`, a trailing line break is not ignored
    /// (a plain scalar never ends with one).
    public static func kind(ofPlain text: String) -> ScalarKind {
        // PyYAML picks its candidate resolvers by the first character; doing the same
        // keeps the common case (a name starting with another letter) to one byte test.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"):
            if boolWords.contains(text) { return .bool }
            if nullWords.contains(text) { return .null }
            return .string
        case UInt8(ascii: "~"):
            return text == "~" ? .null : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."):
            return numericKind(text, first: first)
        case UInt8(ascii: "<"):
            return text == "<<" ? .merge : .string
        case UInt8(ascii: "="):
            return text == "=" ? .value : .string
        default:
            return .string
        }
    }

    /// Whether `text` must be quoted to be read back as this exact string.
    ///
    /// True when a YAML 1.1 reader would resolve the plain text to something other than a
    /// string, when it is any case variant of `yes`, `no`, `on`, `off`, `y`, `n`, `true`,
    /// `false`, `null` or of `.inf`/`.nan`, when it is a YAML 1.2 core schema number
    /// (`0o17`, `1e3`, `+1E-5`; also with underscores, as js-yaml reads them), or when it is
    /// `~` or empty. Whether the text can be written
    /// plain at all (indicators, leading spaces, line breaks) is libyaml's decision, not this.
    public static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Every word concerned is at most five letters; skip lowercasing longer text.
            return text.utf8.count <= 5 && anyCaseWords.contains(text.lowercased())
        case UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return kind(ofPlain: text) != .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."):
            if numericKind(text, first: first) != .string { return true }
            if text.wholeMatch(of: yaml12Int) != nil || text.wholeMatch(of: yaml12Float) != nil {
                return true
            }
            return text.utf8.count <= 5 && anyCaseSpecialFloats.contains(text.lowercased())
        default:
            return false
        }
    }

    // MARK: - YAML 1.1 (PyYAML)

    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        // Not in PyYAML, but in the YAML 1.1 bool type (and read as booleans by some readers).
        "y", "Y", "n", "N",
    ]

    private static let nullWords: Set<String> = ["null", "Null", "NULL"]

    /// Float, int or timestamp, in PyYAML's order; `.string` when none matches.
    private static func numericKind(_ text: String, first: UInt8) -> ScalarKind {
        // Every number, timestamp and special float is ASCII: anything else is a string.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return .string }
        if text.wholeMatch(of: float11) != nil { return .float }
        if first != UInt8(ascii: ".") && text.wholeMatch(of: int11) != nil { return .int }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
            && text.wholeMatch(of: timestamp11) != nil
        {
            return .timestamp
        }
        return .string
    }

    // The alternatives below are PyYAML's regular expressions, one per line, unchanged.
    // `nonisolated(unsafe)`: Regex is not marked Sendable, but a literal is immutable and
    // caches its compiled program with an atomic write, so sharing one across threads is safe.

    nonisolated(unsafe) private static let float11 = #/
        [-+]? (?: [0-9][0-9_]* ) \. [0-9_]* (?: [eE][-+][0-9]+ )?
        | \. [0-9][0-9_]* (?: [eE][-+][0-9]+ )?
        | [-+]? [0-9][0-9_]* (?: :[0-5]?[0-9] )+ \. [0-9_]*
        | [-+]? \. (?: inf|Inf|INF )
        | \. (?: nan|NaN|NAN )
        /#

    nonisolated(unsafe) private static let int11 = #/
        [-+]? 0b [0-1_]+
        | [-+]? 0 [0-7_]+
        | [-+]? (?: 0 | [1-9][0-9_]* )
        | [-+]? 0x [0-9a-fA-F_]+
        | [-+]? [1-9][0-9_]* (?: :[0-5]?[0-9] )+
        /#

    nonisolated(unsafe) private static let timestamp11 = #/
        [0-9][0-9][0-9][0-9] - [0-9][0-9] - [0-9][0-9]
        | [0-9][0-9][0-9][0-9] - [0-9][0-9]? - [0-9][0-9]?
          (?: [Tt] | [\ \t]+ ) [0-9][0-9]?
          : [0-9][0-9] : [0-9][0-9] (?: \. [0-9]* )?
          (?: [\ \t]* (?: Z | [-+][0-9][0-9]? (?: :[0-9][0-9] )? ) )?
        /#

    // MARK: - Extra caution for other readers

    private static let anyCaseWords: Set<String> = [
        "yes", "no", "on", "off", "y", "n", "true", "false", "null",
    ]

    private static let anyCaseSpecialFloats: Set<String> = [".inf", "+.inf", "-.inf", ".nan"]

    /// YAML 1.2 core schema integers, loosened the way js-yaml and ruamel.yaml read them
    /// (signs everywhere, `0b`, underscores): quoting a few more strings costs nothing.
    nonisolated(unsafe) private static let yaml12Int = #/
        [-+]? [0-9_]+
        | [-+]? 0o [0-7_]+
        | [-+]? 0x [0-9a-fA-F_]+
        | [-+]? 0b [01_]+
        /#

    /// YAML 1.2 core schema floats, loosened the same way.
    nonisolated(unsafe) private static let yaml12Float = #/
        [-+]? (?: [0-9_]+ (?: \. [0-9_]* )? | \. [0-9_]+ ) (?: [eE] [-+]? [0-9_]+ )?
        | [-+]? \. (?: inf|Inf|INF )
        | \. (?: nan|NaN|NAN )
        /#
}
