import Fanout
import OrderedCollections
import Testing

/// The generated corpus of the filter-policy differential test: policies (every operator,
/// alone and in pairs, both scopes, nested body keys, `$or`, and policies SNS refuses)
/// against messages (missing keys, arrays, numbers written as strings, decimals, unicode,
/// Binary attributes, empty and non-JSON bodies). Deterministic: the same corpus every run.
enum FilterPolicyCorpus {
    /// One message, for one scope.
    struct Message {
        var id: String
        var body: String
        var attributes: OrderedDictionary<String, MessageAttribute> = [:]
    }

    /// One policy with the messages of its scope.
    struct Case {
        var id: String
        var scope: FilterPolicyScope
        var policy: JSONValue
    }

    /// Conditions on one key, by the key they suit: each is the JSON list of a key.
    static let colorConditions = [
        #"["red"]"#, #"["red", "blue"]"#, #"[{"prefix": "bl"}]"#, #"[{"suffix": "ed"}]"#,
        #"[{"equals-ignore-case": "RED"}]"#, #"[{"anything-but": "red"}]"#, #"[{"anything-but": ["red", "blue"]}]"#,
        #"[{"anything-but": {"prefix": "bl"}}]"#, #"[{"anything-but": {"suffix": "ed"}}]"#, #"[{"exists": true}]"#,
        #"[{"exists": false}]"#, #"["red", {"exists": false}]"#, #"[{"anything-but": "red"}, {"exists": false}]"#,
        #"[{"prefix": "ré"}]"#, #"[{"equals-ignore-case": "éclair"}]"#, #"["日本"]"#, #"[{"prefix": "bl"}, "green"]"#,
        #"[null]"#, #"[true]"#, #"["100"]"#,
    ]
    static let priceConditions = [
        #"[100]"#, #"[301.5]"#, #"[100, 250]"#, #"[{"numeric": ["=", 100]}]"#, #"[{"numeric": [">", 100]}]"#,
        #"[{"numeric": [">=", 100]}]"#, #"[{"numeric": ["<", 100]}]"#, #"[{"numeric": ["<=", 100]}]"#,
        #"[{"numeric": [">", 0, "<=", 150]}]"#, #"[{"numeric": [">=", 100, "<", 200]}]"#, #"[{"numeric": ["=", 301.5]}]"#,
        #"[{"numeric": ["<", 1.5]}]"#, #"[{"numeric": [">", -10]}]"#, #"[{"anything-but": [100, 500]}]"#,
        #"[{"anything-but": 100}]"#, #"[{"exists": true}]"#, #"[{"numeric": [">", 200]}, {"exists": false}]"#,
    ]
    static let ipConditions = [
        #"[{"cidr": "10.0.0.0/24"}]"#, #"[{"cidr": "2001:db8::/32"}]"#, #"[{"cidr": "10.0.0.7/32"}]"#,
    ]
    /// Whole policies: `$or` (nested too), several keys, body nesting.
    static let wholePolicies = [
        #"{"$or": [{"color": ["red"]}, {"price": [{"numeric": [">", 200]}]}]}"#,
        #"{"size": ["small"], "$or": [{"color": ["blue"]}, {"price": [100]}]}"#,
        #"{"$or": [{"color": ["green"]}, {"$or": [{"size": ["small"]}, {"price": [{"numeric": ["<", 0]}]}]}]}"#,
        #"{"color": ["red"], "size": [{"exists": false}], "price": [{"exists": false}]}"#,
        #"{"$or": [{"color": [{"exists": false}]}, {"color": ["red"]}]}"#,
    ]
    /// Body-only policies: nested keys.
    static let bodyPolicies = [
        #"{"nested": {"a": {"b": ["x"]}}}"#, #"{"nested": {"a": {"b": [{"exists": false}]}}}"#,
        #"{"nested": {"a": {"b": [{"exists": true}]}}}"#, #"{"nested": {"a": {"b": [{"anything-but": "x"}]}}}"#,
        #"{"nested": {"a": {"b": ["y"]}, "c": [1]}}"#, #"{"nested": {"a": {"b": [{"prefix": ""}]}}}"#,
        #"{"color": ["red"], "nested": {"a": {"b": ["x", "y"]}}}"#,
        // 10 × 8 = 80 combinations by the guide; moto multiplies by each key's depth too.
        #"{"nested": {"a": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "x"]}, "size": {"b": ["1", "2", "3", "4", "5", "6", "7", "small"]}}"#,
    ]
    /// Policies SNS refuses, or that are at its limits, for the validator comparison.
    static let limitPolicies = [
        #"{"color": []}"#, #"{"color": [{"foo": "x"}]}"#, #"{"color": [{"wildcard": "r*"}]}"#,
        #"{"price": [{"numeric": [">"]}]}"#, #"{"price": [{"numeric": ["<", 100, ">", 1]}]}"#,
        #"{"price": [{"numeric": [">", 200, "<", 100]}]}"#, #"{"price": [{"numeric": ["!=", 1]}]}"#,
        #"{"price": [{"numeric": ["=", "100"]}]}"#, #"{"color": [{"exists": "yes"}]}"#, #"{"color": "red"}"#,
        #"{"color": [["red"]]}"#, #"{"price": [1000000000]}"#, #"{"price": [999999999]}"#,
        #"{"color": [{"prefix": 1}]}"#, #"{"ip": [{"cidr": "10.0.0.1/24"}]}"#,
        #"{"a": ["1"], "b": ["1"], "c": ["1"], "d": ["1"], "e": ["1"]}"#,
        #"{"a": ["1"], "b": ["1"], "c": ["1"], "d": ["1"], "e": ["1"], "f": ["1"]}"#,
        #"{"a": ["1", "2", "3", "4", "5"], "b": ["1", "2", "3", "4", "5"], "c": ["1", "2", "3", "4", "5", "6"]}"#,
        #"{"a": ["1", "2", "3", "4", "5"], "b": ["1", "2", "3", "4", "5"], "c": ["1", "2", "3", "4", "5", "6", "7"]}"#,
        #"{"color": [{"prefix": "x", "suffix": "y"}]}"#, #"{"color": [{"anything-but": []}]}"#,
        #"{"nested": {"a": ["x"]}}"#,
    ]

    /// The messages for attribute policies.
    static let attributeMessages: [Message] = [
        Message(id: "a-red", body: "{}", attributes: ["color": .string("red")]),
        Message(id: "a-Red", body: "{}", attributes: ["color": .string("Red")]),
        Message(id: "a-blue-100", body: "{}", attributes: ["color": .string("blue"), "price": .number("100")]),
        Message(id: "a-price-100.0", body: "{}", attributes: ["price": .number("100.0")]),
        Message(id: "a-price-string-100", body: "{}", attributes: ["price": .string("100")]),
        Message(id: "a-color-string-100", body: "{}", attributes: ["color": .string("100")]),
        Message(id: "a-color-number-100", body: "{}", attributes: ["color": .number("100")]),
        Message(id: "a-array-red-green", body: "{}", attributes: ["color": .stringArray(#"["red", "green"]"#)]),
        Message(id: "a-array-green-250", body: "{}", attributes: ["color": .stringArray(#"["green"]"#), "price": .number("250")]),
        Message(id: "a-size-small", body: "{}", attributes: ["size": .string("small")]),
        Message(id: "a-none", body: "{}"),
        Message(id: "a-binary", body: "{}", attributes: ["color": MessageAttribute(.binary, "cmVk")]),
        Message(id: "a-binary-size", body: "{}", attributes: ["color": MessageAttribute(.binary, "cmVk"), "size": .string("small")]),
        Message(id: "a-unicode", body: "{}", attributes: ["color": .string("rémoulade")]),
        Message(id: "a-eclair", body: "{}", attributes: ["color": .string("ÉCLAIR")]),
        Message(id: "a-japanese", body: "{}", attributes: ["color": .string("日本")]),
        Message(id: "a-price-minus-5", body: "{}", attributes: ["price": .number("-5")]),
        Message(id: "a-price-150", body: "{}", attributes: ["price": .number("150")]),
        Message(id: "a-price-3.015e2", body: "{}", attributes: ["price": .number("3.015e2")]),
        Message(id: "a-price-1.25", body: "{}", attributes: ["price": .number("1.25")]),
        Message(id: "a-price-array", body: "{}", attributes: ["price": .stringArray("[100, 200]")]),
        Message(id: "a-ip4-in", body: "{}", attributes: ["ip": .string("10.0.0.7")]),
        Message(id: "a-ip4-out", body: "{}", attributes: ["ip": .string("10.0.1.7")]),
        Message(id: "a-ip6", body: "{}", attributes: ["ip": .string("2001:db8::1")]),
        Message(id: "a-bluebird-small", body: "{}", attributes: ["color": .string("bluebird"), "size": .string("small")]),
        Message(id: "a-green-small-minus", body: "{}", attributes: ["color": .string("green"), "size": .string("small"), "price": .number("-1")]),
        Message(id: "a-array-blue-bool", body: "{}", attributes: ["color": .stringArray(#"["blue", true, null]"#)]),
        Message(id: "a-label-number", body: "{}", attributes: ["price": MessageAttribute(.number, "100")]),
    ]

    /// The messages for body policies.
    static let bodyMessages: [Message] = [
        #"{"color": "red"}"#, #"{"color": "Red"}"#, #"{"color": "blue", "price": 100}"#, #"{"price": 100.0}"#,
        #"{"price": "100"}"#, #"{"color": "100"}"#, #"{"color": 100}"#, #"{"color": ["red", "green"]}"#,
        #"{"color": ["green"], "price": 250}"#, #"{"size": "small"}"#, #"{}"#, #"not json"#, #"{"color": "rémoulade"}"#,
        #"{"color": "ÉCLAIR"}"#, #"{"color": "日本"}"#, #"{"price": -5}"#, #"{"price": 150}"#, #"{"price": 3.015e2}"#,
        #"{"price": 1.25}"#, #"{"price": [100, 200]}"#, #"{"ip": "10.0.0.7"}"#, #"{"ip": "10.0.1.7"}"#,
        #"{"ip": "2001:db8::1"}"#, #"{"color": "bluebird", "size": "small"}"#,
        #"{"color": "green", "size": "small", "price": -1}"#, #"{"color": null}"#, #"{"color": true}"#,
        #"[{"color": "red"}]"#, #"{"nested": {"a": {"b": "x"}}}"#, #"{"nested": {"a": {"b": "z"}}}"#,
        #"{"nested": [{"a": {"b": "x"}}, {"a": {"b": "y"}}]}"#, #"{"nested": {"a": {"b": ["z", "x"]}}}"#,
        #"{"nested": {"a": "scalar"}}"#, #"{"nested": {"a": {"b": "y"}, "c": 1}}"#,
        #"{"nested": [{"a": {"b": "y"}}, {"c": 1}]}"#, #"{"color": "red", "nested": {"a": {"b": "y"}}}"#,
        #"{"color": "\u00e9clair"}"#, #"{"nested": {"a": {"b": null}}}"#, #"{"color": [], "size": "small"}"#,
    ].enumerated().map { Message(id: "b\($0.offset)", body: $0.element) }

    /// The cases: every condition alone in both scopes, every pair of a color and a price
    /// condition, the whole and body policies, the limit policies.
    static var cases: [Case] {
        var cases: [Case] = []
        func add(_ id: String, _ text: String, scopes: [FilterPolicyScope] = [.messageAttributes, .messageBody]) {
            // The corpus is written here, so a policy that does not parse is a mistake in it.
            guard let policy = try? JSONReader.read(text) else {
                Issue.record("corpus policy \(id) is not JSON: \(text)")
                return
            }
            for scope in scopes {
                cases.append(Case(id: "\(id)-\(scope == .messageBody ? "body" : "attr")", scope: scope, policy: policy))
            }
        }
        for (index, condition) in colorConditions.enumerated() { add("color\(index)", #"{"color": \#(condition)}"#) }
        for (index, condition) in priceConditions.enumerated() { add("price\(index)", #"{"price": \#(condition)}"#) }
        for (index, condition) in ipConditions.enumerated() { add("ip\(index)", #"{"ip": \#(condition)}"#) }
        for (c, color) in colorConditions.enumerated() {
            for (p, price) in priceConditions.enumerated() where (c + p) % 3 == 0 {
                add("pair\(c)-\(p)", #"{"color": \#(color), "price": \#(price)}"#)
            }
        }
        for (index, policy) in wholePolicies.enumerated() { add("whole\(index)", policy) }
        for (index, policy) in bodyPolicies.enumerated() { add("nest\(index)", policy, scopes: [.messageBody]) }
        for (index, policy) in limitPolicies.enumerated() { add("limit\(index)", policy) }
        return cases
    }

    /// The messages a case is matched against.
    static func messages(for scope: FilterPolicyScope) -> [Message] {
        scope == .messageBody ? bodyMessages : attributeMessages
    }

    /// The corpus as the oracle reads it (see Tests/Oracles/moto_filter_policy.py).
    static func json(_ cases: [Case]) -> String {
        let encoded = cases.map { item -> JSONValue in
            let messages = messages(for: item.scope).map { message -> JSONValue in
                var attributes: OrderedDictionary<String, JSONValue> = [:]
                for (name, attribute) in message.attributes {
                    attributes[name] = .object(["Type": .string(attribute.dataType.rawValue), "Value": .string(attribute.value)])
                }
                return .object(["id": .string(message.id), "body": .string(message.body), "attributes": .object(attributes)])
            }
            return .object([
                "id": .string(item.id), "scope": .string(item.scope == .messageBody ? "MessageBody" : "MessageAttributes"),
                "policy": item.policy, "messages": .array(messages),
            ])
        }
        return JSONValue.object(["cases": .array(encoded)]).description
    }
}

extension FilterPolicyCorpus {
    /// A corpus policy as a DSL value, or `nil` when it holds a decimal (which the DSL's
    /// `Value` cannot spell).
    static func value(_ json: JSONValue) -> Value? {
        switch json {
        case .null: return nil
        case .bool(let bool): return .bool(bool)
        case .number(let number, _):
            guard number == number.rounded(), abs(number) < 1e15 else { return nil }
            return .int(Int(number))
        case .string(let string): return .string(string)
        case .array(let items):
            var values: [Value] = []
            for item in items {
                guard let value = value(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .object(let members):
            var map: OrderedDictionary<String, Value> = [:]
            for (key, item) in members {
                guard let value = value(item) else { return nil }
                map[key] = value
            }
            return .map(map)
        }
    }
}
