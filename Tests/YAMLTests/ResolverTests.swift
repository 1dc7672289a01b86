import Testing
import YAML

struct ResolverTests {
    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func null(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .null)
    }

    @Test(arguments: [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ])
    func bool(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .bool)
    }

    @Test(arguments: [
        "0", "-0", "+0", "60", "-1", "+1", "1_000", "0b101", "-0b1_0", "0123", "0_17",
        "0x1F", "0xdead_BEEF", "-0x1", "12:30", "190:20:30", "1:5", "+1_0:59",
    ])
    func int(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .int)
    }

    @Test(arguments: [
        "1.5", "-1.5", "+1.", "1_000.5", "1.0e+3", "6.8523015e+5", "1.e-3", ".5", ".5e+1",
        "190:20:30.15", "-1:30.", ".inf", ".Inf", ".INF", "-.inf", "+.Inf", ".nan", ".NaN", ".NAN",
    ])
    func float(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .float)
    }

    @Test(arguments: [
        "2012-10-17", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z",
        "2001-12-14 21:59:43.10 -5", "2001-12-15 2:59:43.10", "2002-1-2T1:02:03", "2001-12-14\t21:59:43 +05:30",
    ])
    func timestamp(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .timestamp)
    }

    @Test func mergeAndValue() {
        #expect(Resolver.kind(ofPlain: "<<") == .merge)
        #expect(Resolver.kind(ofPlain: "=") == .value)
        #expect(Resolver.kind(ofPlain: "<") == .string)
        #expect(Resolver.kind(ofPlain: "==") == .string)
    }

    /// Texts PyYAML reads as strings, several of them close to a number, bool or null.
    @Test(arguments: [
        "yEs", "nO", "nULL", "tRUE", "yes!", "nil", "none", "1e3", "1E3", "1.0e3", "+1E-5", "0o17",
        "0b", "0b2", "0x", "0xG", "09", "012345678901", "_1", ".", "-", "+", "._", ".iNf", "-.nan", "+.NaN",
        "0:20", "1:60", "12:30:", "2012-10-17x", "2012-1-17", "2001-12-14 21:59", "1..2",
        "1,000", "1 000", "ProcessingQueueOne", "AWS::SQS::Queue", "é", "١٢", "~x", "<<<", "=x",
    ])
    func string(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .string)
    }

    @Test(arguments: [
        // Not strings in YAML 1.1.
        "yes", "No", "on", "OFF", "y", "n", "true", "null", "~", "", "0123", "0x1F", ".inf",
        "2012-10-17", "12:30", "=", "<<", "+1", "-1", "1_000", "1.5", "190:20:30", "0b101", ".NaN",
        // Case variants other readers may take for booleans or null.
        "yEs", "NULL", "nO", "oFf", "tRuE", "fAlSe", "nUlL",
        // YAML 1.2 numbers.
        "0o17", "1e3", "+1E-5", "1E3", "1.0e3", ".5e3", "-0o7",
        // Special floats in any case.
        ".iNf", "-.INf", ".nAn",
    ])
    func needsQuotes(_ text: String) {
        #expect(Resolver.needsQuotes(text))
    }

    @Test(arguments: [
        "x", "yes please", "nope", "onion", "Offset", "True love", "nulls", "~x", "e3", "0o", "0o8",
        "1.2.3", "1-2", "v1.5", "ProcessingQueue", "arn:aws:sqs", "é", "<x", "=x", "-x", ".x",
    ])
    func doesNotNeedQuotes(_ text: String) {
        #expect(!Resolver.needsQuotes(text))
    }

    /// Strings for PyYAML that YAML 1.2 readers take for numbers.
    @Test(arguments: ["1e3", "012345678901", "09", "0o17", "+1E-5"])
    func stringInYAML11ButNeedsQuotes(_ text: String) {
        #expect(Resolver.kind(ofPlain: text) == .string)
        #expect(Resolver.needsQuotes(text))
    }
}
