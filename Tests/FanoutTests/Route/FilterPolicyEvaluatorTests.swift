import Fanout
import OrderedCollections
import Testing

/// SNS's filter-policy semantics, one operator at a time: each with a message it matches
/// and a twin it does not, in both scopes where both apply.
@Suite struct FilterPolicyEvaluatorTests {
    /// The rejection of `body` by the body policy `policy` (JSON), `nil` when accepted.
    func body(_ policy: String, _ body: String) throws -> FilterRejection? {
        let evaluator = try #require(FilterPolicyEvaluator(try JSONReader.read(policy), scope: .messageBody))
        return evaluator.evaluate(body: body)
    }

    /// Whether the attribute policy `policy` accepts `attributes`.
    func attributes(_ policy: String, _ attributes: OrderedDictionary<String, MessageAttribute>) throws -> Bool {
        let evaluator = try #require(FilterPolicyEvaluator(try JSONReader.read(policy), scope: .messageAttributes))
        return evaluator.evaluate(body: "", attributes: attributes) == nil
    }

    @Test func exactStringsAndListsAsOr() throws {
        #expect(try body(#"{"color": ["red", "blue"]}"#, #"{"color": "blue"}"#) == nil)
        #expect(try body(#"{"color": ["red", "blue"]}"#, #"{"color": "green"}"#)
            == FilterRejection(key: "color", condition: #"["red", "blue"]"#, found: #""green""#))
        #expect(try attributes(#"{"color": ["red"]}"#, ["color": .string("red")]))
        #expect(try !attributes(#"{"color": ["red"]}"#, ["color": .string("Red")]))
    }

    @Test func everyKeyMustMatch() throws {
        let policy = #"{"color": ["red"], "size": ["small"]}"#
        #expect(try body(policy, #"{"color": "red", "size": "small", "other": 1}"#) == nil)
        #expect(try body(policy, #"{"color": "red", "size": "large"}"#)?.key == "size")
    }

    @Test func missingKey() throws {
        let rejection = try body(#"{"priority": ["high"]}"#, #"{"other": "x"}"#)
        #expect(rejection == FilterRejection(key: "priority", condition: #"["high"]"#, found: nil))
        #expect(rejection?.description == #"priority: missing, and the policy requires ["high"]"#)
    }

    @Test func numbersMatchByValueNeverAsStrings() throws {
        #expect(try body(#"{"price": [301.5]}"#, #"{"price": 3.015e2}"#) == nil)
        #expect(try body(#"{"price": [100]}"#, #"{"price": 100.0}"#) == nil)
        // A number written as a string is a string.
        #expect(try body(#"{"price": [100]}"#, #"{"price": "100"}"#) != nil)
        #expect(try body(#"{"price": ["100"]}"#, #"{"price": 100}"#) != nil)
        #expect(try attributes(#"{"price": [100]}"#, ["price": .number("100.0")]))
        #expect(try !attributes(#"{"price": [100]}"#, ["price": .string("100")]))
        #expect(try !attributes(#"{"price": ["100"]}"#, ["price": .number("100")]))
    }

    @Test func prefixAndSuffix() throws {
        #expect(try body(#"{"c": [{"prefix": "bl"}]}"#, #"{"c": "blue"}"#) == nil)
        #expect(try body(#"{"c": [{"prefix": "bl"}]}"#, #"{"c": "sky blue"}"#) != nil)
        #expect(try body(#"{"c": [{"suffix": "ue"}]}"#, #"{"c": "blue"}"#) == nil)
        #expect(try body(#"{"c": [{"suffix": "ue"}]}"#, #"{"c": "blues"}"#) != nil)
        // Prefixes are for strings only.
        #expect(try body(#"{"c": [{"prefix": "1"}]}"#, #"{"c": 100}"#) != nil)
        // Unicode scalars, not canonical equivalence: "é" precomposed is not "e" + U+0301.
        #expect(try body(#"{"c": [{"prefix": "ré"}]}"#, #"{"c": "rémoulade"}"#) == nil)
        #expect(try body(#"{"c": [{"prefix": "r\u00e9"}]}"#, #"{"c": "re\u0301moulade"}"#) != nil)
    }

    @Test func equalsIgnoreCase() throws {
        #expect(try body(#"{"c": [{"equals-ignore-case": "RED"}]}"#, #"{"c": "rEd"}"#) == nil)
        #expect(try body(#"{"c": [{"equals-ignore-case": "éclair"}]}"#, #"{"c": "ÉCLAIR"}"#) == nil)
        #expect(try body(#"{"c": [{"equals-ignore-case": "RED"}]}"#, #"{"c": "reds"}"#) != nil)
    }

    @Test func anythingBut() throws {
        #expect(try body(#"{"c": [{"anything-but": "red"}]}"#, #"{"c": "blue"}"#) == nil)
        #expect(try body(#"{"c": [{"anything-but": "red"}]}"#, #"{"c": "red"}"#) != nil)
        #expect(try body(#"{"c": [{"anything-but": ["red", "blue"]}]}"#, #"{"c": "blue"}"#) != nil)
        #expect(try body(#"{"p": [{"anything-but": [100, 500]}]}"#, #"{"p": 100.1}"#) == nil)
        #expect(try body(#"{"p": [{"anything-but": [100, 500]}]}"#, #"{"p": 500}"#) != nil)
        #expect(try body(#"{"c": [{"anything-but": {"prefix": "bl"}}]}"#, #"{"c": "red"}"#) == nil)
        #expect(try body(#"{"c": [{"anything-but": {"prefix": "bl"}}]}"#, #"{"c": "blue"}"#) != nil)
        #expect(try body(#"{"c": [{"anything-but": {"suffix": "ed"}}]}"#, #"{"c": "blue"}"#) == nil)
        #expect(try body(#"{"c": [{"anything-but": {"suffix": "ed"}}]}"#, #"{"c": "red"}"#) != nil)
        // An array matches when one of its values is outside the exclusion.
        #expect(try body(#"{"c": [{"anything-but": ["rugby", "tennis"]}]}"#, #"{"c": ["rugby", "baseball"]}"#) == nil)
        #expect(try body(#"{"c": [{"anything-but": ["rugby", "tennis"]}]}"#, #"{"c": ["rugby", "tennis"]}"#) != nil)
        // A missing key matches anything-but only with exists: false beside it.
        #expect(try body(#"{"c": [{"anything-but": "red"}]}"#, #"{"other": 1}"#) != nil)
        #expect(try body(#"{"c": [{"anything-but": "red"}, {"exists": false}]}"#, #"{"other": 1}"#) == nil)
    }

    @Test func numericComparisonsAndRanges() throws {
        let cases: [(String, Double, Bool)] = [
            (#"["=", 100]"#, 100, true), (#"["=", 100]"#, 100.5, false),
            (#"[">", 100]"#, 100.5, true), (#"[">", 100]"#, 100, false),
            (#"[">=", 100]"#, 100, true), (#"[">=", 100]"#, 99.99, false),
            (#"["<", 0]"#, -1, true), (#"["<", 0]"#, 0, false),
            (#"["<=", 1.5]"#, 1.5, true), (#"["<=", 1.5]"#, 1.50001, false),
            (#"[">", 0, "<=", 150]"#, 150, true), (#"[">", 0, "<=", 150]"#, 0, false),
            (#"[">=", 100, "<", 200]"#, 100, true), (#"[">=", 100, "<", 200]"#, 200, false),
        ]
        for (range, value, expected) in cases {
            let accepted = try body(#"{"p": [{"numeric": \#(range)}]}"#, #"{"p": \#(value)}"#) == nil
            #expect(accepted == expected, "numeric \(range) on \(value)")
            #expect(try attributes(#"{"p": [{"numeric": \#(range)}]}"#, ["p": .number(String(value))]) == expected)
        }
        // A string holding digits is no number.
        #expect(try body(#"{"p": [{"numeric": [">", 0]}]}"#, #"{"p": "5"}"#) != nil)
    }

    @Test func exists() throws {
        #expect(try body(#"{"s": [{"exists": true}]}"#, #"{"s": "x"}"#) == nil)
        #expect(try body(#"{"s": [{"exists": true}]}"#, #"{"t": "x"}"#) != nil)
        #expect(try body(#"{"s": [{"exists": false}]}"#, #"{"t": "x"}"#) == nil)
        #expect(try body(#"{"s": [{"exists": false}]}"#, #"{"s": "x"}"#) != nil)
        // "non-null and non-empty": null and [] are no value.
        #expect(try body(#"{"s": [{"exists": true}]}"#, #"{"s": null}"#) != nil)
        #expect(try body(#"{"s": [{"exists": false}]}"#, #"{"s": [], "t": 1}"#) == nil)
        // An empty message matches nothing, exists: false included.
        #expect(try body(#"{"s": [{"exists": false}]}"#, "{}") != nil)
        #expect(try !attributes(#"{"s": [{"exists": false}]}"#, [:]))
        #expect(try attributes(#"{"s": [{"exists": false}]}"#, ["t": .string("x")]))
    }

    @Test func cidr() throws {
        #expect(try body(#"{"ip": [{"cidr": "10.0.0.0/24"}]}"#, #"{"ip": "10.0.0.255"}"#) == nil)
        #expect(try body(#"{"ip": [{"cidr": "10.0.0.0/24"}]}"#, #"{"ip": "10.0.1.0"}"#) != nil)
        #expect(try attributes(#"{"ip": [{"cidr": "2001:db8::/32"}]}"#, ["ip": .string("2001:db8:ffff::1")]))
        #expect(try !attributes(#"{"ip": [{"cidr": "2001:db8::/32"}]}"#, ["ip": .string("2001:db9::1")]))
        #expect(try !attributes(#"{"ip": [{"cidr": "10.0.0.0/8"}]}"#, ["ip": .string("::ffff:10.0.0.1")]))
        #expect(try attributes(#"{"ip": [{"cidr": "0.0.0.0/0"}]}"#, ["ip": .string("192.168.1.1")]))
    }

    @Test func orOperatorNested() throws {
        let policy = #"{"a": ["x"], "$or": [{"b": ["y"]}, {"$or": [{"c": ["z"]}, {"d": [{"numeric": [">", 1]}]}]}]}"#
        #expect(try body(policy, #"{"a": "x", "d": 2}"#) == nil)
        #expect(try body(policy, #"{"a": "x", "c": "z"}"#) == nil)
        let rejected = try body(policy, #"{"a": "x", "d": 1}"#)
        #expect(rejected?.key == "$or")
        #expect(try attributes(policy, ["a": .string("x"), "b": .string("y")]))
        #expect(try !attributes(policy, ["a": .string("x"), "b": .string("n")]))
        // One policy in "$or" is no OR: "$or" is then an attribute name.
        #expect(try body(#"{"$or": [{"b": ["y"]}]}"#, #"{"b": "y"}"#) != nil)
    }

    @Test func nestedBodyKeysAndArrays() throws {
        let policy = #"{"order": {"item": {"sku": [{"prefix": "A-"}]}}}"#
        #expect(try body(policy, #"{"order": {"item": {"sku": "A-1"}}}"#) == nil)
        #expect(try body(policy, #"{"order": [{"item": {"sku": "B-1"}}, {"item": {"sku": "A-2"}}]}"#) == nil)
        #expect(try body(policy, #"{"order": {"item": {"sku": "B-1"}}}"#)?.key == "order.item.sku")
        // Keys of one nested policy match within the same array element.
        let two = #"{"items": {"sku": ["A"], "qty": [2]}}"#
        #expect(try body(two, #"{"items": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}]}"#) != nil)
        #expect(try body(two, #"{"items": [{"sku": "A", "qty": 2}]}"#) == nil)
        // A missing intermediate key leaves its leaves absent.
        #expect(try body(#"{"a": {"b": [{"exists": false}]}}"#, #"{"c": 1}"#) == nil)
        #expect(try body(#"{"a": {"b": [{"exists": false}]}}"#, #"{"a": {"b": 1}}"#) != nil)
    }

    @Test func bodyThatIsNoJSONObject() throws {
        #expect(try body(#"{"a": ["x"]}"#, "plain text")?.found == "a body that is not JSON")
        #expect(try body(#"{"a": ["x"]}"#, #"[{"a": "x"}]"#)?.found == "a body that is not a JSON object")
        // Without a policy every message is delivered.
        #expect(try body("{}", "plain text") == nil)
    }

    @Test func stringArrayAndBinaryAttributes() throws {
        #expect(try attributes(#"{"c": ["rugby"]}"#, ["c": .stringArray(#"["soccer", "rugby"]"#)]))
        #expect(try !attributes(#"{"c": ["rugby"]}"#, ["c": .stringArray(#"["soccer"]"#)]))
        #expect(try attributes(#"{"c": [{"prefix": "rug"}]}"#, ["c": .stringArray(#"["soccer", "rugby"]"#)]))
        #expect(try attributes(#"{"n": [{"numeric": [">", 1]}]}"#, ["n": .stringArray("[0, 2]")]))
        #expect(try attributes(#"{"b": [true]}"#, ["b": .stringArray("[true]")]))
        // Binary attributes take no part in filtering.
        #expect(try !attributes(#"{"c": [{"exists": true}]}"#, ["c": MessageAttribute(.binary, "cmVk")]))
        #expect(try attributes(#"{"c": [{"exists": false}]}"#, ["c": MessageAttribute(.binary, "cmVk"), "d": .string("x")]))
    }

    @Test func dslPoliciesAndUnresolvedValues() throws {
        let policy = FilterPolicy.body(["priority": ["high"], "total": [.numeric(">=", 100)]])
        let evaluator = try #require(FilterPolicyEvaluator(policy))
        #expect(evaluator.evaluate(body: #"{"priority": "high", "total": 120}"#) == nil)
        #expect(evaluator.evaluate(body: #"{"priority": "high", "total": 99}"#)?.key == "total")
        #expect(FilterPolicyEvaluator(FilterPolicy.attributes(["topic": [.ref("Topic")]])) == nil)
    }
}
