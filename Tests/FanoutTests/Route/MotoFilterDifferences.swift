import Fanout
import OrderedCollections

/// Where moto 5.2.1's SNS filter matching differs from the SNS Developer Guide, in one place:
/// each entry names the difference, gives the guide's rule (the authority) and what moto does
/// instead, and recognises the disagreements it explains. The differential test accepts a
/// disagreement only when an entry explains it, and fails when an entry explains none.
enum MotoFilterDifferences {
    struct Difference: Sendable {
        var name: String
        /// What the guide says and what moto does instead, with the guide's page.
        var reason: String
        var explains: @Sendable (FilterPolicyDifferentialTests.Disagreement) -> Bool
    }

    static let guide = "https://docs.aws.amazon.com/sns/latest/dg/"

    /// Differences in matching.
    static let matching: [Difference] = [
        Difference(
            name: "refused policy",
            reason: "SNS refuses the policy (Fanout's validator reports an error), so no message is ever matched by it; moto still matches some (e.g. {\"numeric\": [\">\"]} matches everything there).",
            explains: { refusedByFanout($0.item) }),
        Difference(
            name: "missing key ends the list early",
            reason: "A key's list is OR: [\"red\", {\"exists\": false}] matches a message without the key (\(guide)attribute-key-matching.html, \(guide)and-or-logic.html). moto returns no match at the first value condition when the key is missing, before it reaches the exists: false after it.",
            explains: { d in
                d.fanout && d.moto == "false" && leaves(d.item.policy).contains { leaf in
                    leaf.conditions.dropFirst().contains(.object(["exists": .bool(false)])) && d.nodes(at: leaf.path).isEmpty
                }
            }),
        Difference(
            name: "equals-ignore-case keeps the policy's case",
            reason: "equals-ignore-case matches regardless of case on both sides (\(guide)string-value-matching.html); moto lowercases only the message value, so an operand with capitals (\"RED\") never matches.",
            explains: { d in d.fanout && d.moto == "false" && d.uses { $0 == "equals-ignore-case" } }),
        Difference(
            name: "string operators on non-string body values",
            reason: "prefix, suffix and equals-ignore-case match strings, and an array matches when one element does (\(guide)string-value-matching.html, \(guide)example-filter-policies.html); moto calls startswith/lower on the raw JSON value, failing on numbers, booleans, null and arrays.",
            explains: { d in
                d.item.scope == .messageBody && d.uses { ["prefix", "suffix", "equals-ignore-case"].contains($0) }
                    && d.policyNodes.contains { !$0.isString }
            }),
        Difference(
            name: "String.Array elements",
            reason: "\"For String.Array type attributes, each element in the array is treated as a separate string\" (\(guide)string-value-matching.html), for prefix and suffix too; moto applies prefix/suffix only to String attributes and anything-but to the array's characters.",
            explains: { d in d.item.scope == .messageAttributes && d.attributeTypes.contains(.stringArray) }),
        Difference(
            name: "anything-but over an array",
            reason: "anything-but matches an array that \"contains a value that isn't\" excluded (\(guide)string-value-matching.html, \(guide)numeric-value-matching.html); moto requires every element to be outside the exclusion.",
            explains: { d in d.uses { $0 == "anything-but" } && d.policyNodes.contains { if case .array = $0 { true } else { false } } }),
        Difference(
            name: "anything-but with one number",
            reason: "anything-but takes a number as it takes a string ([{\"anything-but\": 100}], \(guide)numeric-value-matching.html); moto fails on it (\"argument of type 'int' is not iterable\").",
            explains: { d in d.item.policy.description.contains(#"{"anything-but": 100}"#) }),
        Difference(
            name: "anything-but {prefix} on a Number attribute",
            reason: "anything-but {prefix} delivers messages \"whose string value doesn't start with the given prefix\" (https://aws.amazon.com/about-aws/whats-new/2021/04/amazon-sns-grows-the-set-of-message-filtering-operators/), so a Number attribute does not match; moto reads the number's characters as strings.",
            explains: { d in d.item.policy.description.contains(#"{"anything-but": {"prefix""#) && d.attributeTypes.contains(.number) }),
        Difference(
            name: "Binary attributes",
            reason: "Filter policies match String, String.Array and Number attributes; a Binary attribute takes no part (\(guide)sns-message-attributes.html). moto matches its base64 text like a string.",
            explains: { d in d.message.attributes.values.contains { $0.dataType == .binary } }),
        Difference(
            name: "empty message and exists: false",
            reason: "\"exists\": false \"only matches if at least one attribute is present. An empty set of attributes results in the filter not matching\" (\(guide)attribute-key-matching.html); moto matches an empty message.",
            explains: { d in !d.fanout && d.moto == "true" && d.isEmptyMessage }),
        Difference(
            name: "null and empty arrays are no value",
            reason: "exists: true needs \"a non-null and non-empty value\" (\(guide)attribute-key-matching.html), so null and [] are absent; moto counts them as present (and matches anything-but over []).",
            explains: { d in d.policyNodes.contains { $0 == .null || $0 == .array([]) } }),
        Difference(
            name: "numbers on non-number body values",
            reason: "Numeric matching compares numbers, and an array matches when one element does (\(guide)numeric-value-matching.html); moto compares the raw JSON value, failing on strings (\"100\") and arrays.",
            explains: { d in
                d.item.scope == .messageBody && d.uses { $0 == "numeric" } && d.policyNodes.contains { if case .number = $0 { false } else { true } }
            }),
        Difference(
            name: "true and false in a policy",
            reason: "A policy value may be true or false and matches the same JSON value (AWS's error for other values: \"Match value must be String, number, true, false, or null\"); moto takes true as the number 1 and fails converting strings to numbers.",
            explains: { d in d.item.policy.description.contains("[true]") }),
        Difference(
            name: "$or on the body",
            reason: "The OR operator works on body policies as on attribute policies (\(guide)and-or-logic.html); moto evaluates \"$or\" branches of a body policy as message attributes and fails.",
            explains: { d in d.item.scope == .messageBody && d.item.policy.objectValue?["$or"] != nil }),
        Difference(
            name: "a body that is a JSON array",
            reason: "\"Filter policies for the message body assume that the message payload is a well-formed JSON object\" (\(guide)sns-message-filtering.html); moto matches keys inside a top-level array.",
            explains: { d in d.message.body.hasPrefix("[") }),
        Difference(
            name: "cidr",
            reason: "cidr matches IPv4 and IPv6 addresses inside a network (\(guide)ip-address-matching.html, \(guide)sns-subscription-filter-policies.html); moto does not implement it and never matches.",
            explains: { d in d.fanout && d.moto == "false" && d.uses { $0 == "cidr" } }),
        Difference(
            name: "a string condition against a Number attribute",
            reason: "Numeric values are written unquoted and matched as numbers (\(guide)numeric-value-matching.html): [\"100\"] is a string and does not match the Number attribute 100; moto compares the attribute's text.",
            explains: { d in !d.fanout && d.moto == "true" && d.attributeTypes.contains(.number) }),
        Difference(
            name: "a missing intermediate key",
            reason: "exists works on leaf nodes (\(guide)attribute-key-matching.html): when an intermediate key is missing the leaf is absent, so exists: false matches; moto gives up on the message when an intermediate key is missing.",
            explains: { d in d.fanout && d.moto == "false" && d.uses { $0 == "exists" } && d.missesIntermediateKey }),
        Difference(
            name: "an array element without the nested key",
            reason: "A nested policy matches an array when one element matches (\(guide)example-filter-policies.html); moto gives up on the whole message when any element lacks the nested key.",
            explains: { d in d.fanout && d.moto == "false" && d.message.body.contains(#"{"c": 1}"#) }),
    ]

    /// A difference in what the validators refuse.
    struct ValidationDifference: Sendable {
        var name: String
        var reason: String
        /// Whether it explains the case, given whether Fanout refuses it.
        var explains: @Sendable (FilterPolicyCorpus.Case, Bool) -> Bool
    }

    /// Differences in validation.
    /// (FilterPolicyAudit's header keeps the same list, with its sources.)
    static let validation: [ValidationDifference] = [
        ValidationDifference(
            name: "cidr",
            reason: "SNS takes {\"cidr\": \"10.0.0.0/24\"} for IPv4 and IPv6 networks (\(guide)ip-address-matching.html); moto 5.2.1 refuses it as \"Unrecognized match type cidr\".",
            explains: { item, fanout in !fanout && item.policy.description.contains("cidr") }),
        ValidationDifference(
            name: "empty lists",
            reason: "AWS refuses an empty value list (\"Empty arrays are not allowed\"), [] and {\"anything-but\": []} alike; moto accepts them.",
            explains: { item, fanout in fanout && item.policy.description.contains("[]") }),
        ValidationDifference(
            name: "operands moto does not check",
            reason: "prefix takes a string (AWS's error: \"prefix match pattern must be a string\"; see FilterPolicyAudit), a matcher has one operator, anything-but combines with prefix only (\"Unsupported anything-but pattern\"); moto checks none of these operands.",
            explains: { item, fanout in
                fanout && ["{\"prefix\": 1}", "\"suffix\": \"y\"}", "{\"anything-but\": {\"suffix\""].contains { item.policy.description.contains($0) }
            }),
        ValidationDifference(
            name: "nesting in the combination count",
            reason: "The combination limit (150) multiplies the number of values of each key (\(guide)subscription-filter-policy-constraints.html); moto also multiplies by each key's nesting depth, refusing nested policies well under the limit.",
            explains: { item, fanout in !fanout && item.scope == .messageBody && MotoFilterDifferences.leaves(item.policy).contains { $0.path.count > 1 } }),
        ValidationDifference(
            name: "numbers at 10⁹",
            reason: "The guide bounds numeric matching at ±10⁹ and AWS's matcher takes numbers to ±5×10⁹, so Fanout only warns (FAN209); moto fails with an internal error at or beyond ±10⁹.",
            explains: { item, fanout in !fanout && item.policy.description.contains("1000000000") }),
    ]

    /// The entry that explains `disagreement`, if any.
    static func explaining(_ disagreement: FilterPolicyDifferentialTests.Disagreement) -> Difference? {
        matching.first { $0.explains(disagreement) }
    }

    /// Whether Fanout's validator reports an error (FAN207–FAN211) for the policy.
    static func refusedByFanout(_ item: FilterPolicyCorpus.Case) -> Bool {
        guard case .object(let members) = item.policy, let map = FilterPolicyCorpus.value(.object(members))?.mapValue else {
            return false // a decimal operand: the DSL cannot spell it, nothing to validate
        }
        let service = Fixtures.filteredEdge(FilterPolicy(scope: item.scope, map))
        return Validator().validate(service, on: Fixtures.day).contains {
            $0.severity == .error && ["FAN207", "FAN208", "FAN209", "FAN210", "FAN211"].contains($0.code)
        }
    }

    /// The leaf keys of a policy (through nesting and `$or` branches) with their conditions.
    static func leaves(_ policy: JSONValue, path: [String] = []) -> [(path: [String], conditions: [JSONValue])] {
        guard case .object(let members) = policy else { return [] }
        return members.flatMap { key, value -> [(path: [String], conditions: [JSONValue])] in
            switch value {
            case .array(let items) where key == "$or": items.flatMap { leaves($0, path: path) }
            case .array(let items): [(path + [key], items)]
            case .object: leaves(value, path: path + [key])
            default: []
            }
        }
    }
}

extension FilterPolicyDifferentialTests.Disagreement {
    /// Whether the policy uses an operator `test` accepts (at any depth).
    func uses(_ test: (String) -> Bool) -> Bool {
        func walk(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let members): members.contains { test($0.key) || walk($0.value) }
            case .array(let items): items.contains(where: walk)
            default: false
            }
        }
        return walk(item.policy)
    }

    /// The message's values at `path` (through arrays), as JSON: the attribute's typed value.
    func nodes(at path: [String]) -> [JSONValue] {
        if item.scope == .messageAttributes {
            guard path.count == 1, let attribute = message.attributes[path[0]] else { return [] }
            return [.string(attribute.value)]
        }
        guard var current = try? [JSONReader.read(message.body)] else { return [] }
        for key in path {
            current = current.flatMap { node -> [JSONValue] in
                switch node {
                case .object(let members): members[key].map { [$0] } ?? []
                case .array(let items): items.compactMap { $0.objectValue?[key] }
                default: []
                }
            }
        }
        return current
    }

    /// The message's values at every key the policy names.
    var policyNodes: [JSONValue] {
        MotoFilterDifferences.leaves(item.policy).flatMap { nodes(at: $0.path) }
    }

    /// The types of the attributes at keys the policy names.
    var attributeTypes: Set<MessageAttribute.DataType> {
        guard item.scope == .messageAttributes else { return [] }
        return Set(MotoFilterDifferences.leaves(item.policy).compactMap { message.attributes[$0.path[0]]?.dataType })
    }

    /// Whether the body lacks a key on the way to one of the policy's nested leaves.
    var missesIntermediateKey: Bool {
        MotoFilterDifferences.leaves(item.policy).contains { leaf in
            leaf.path.count > 1 && (1..<leaf.path.count).contains { nodes(at: Array(leaf.path.prefix($0))).allSatisfy { $0.objectValue == nil } }
        }
    }

    /// A message without attributes (attribute scope) or with an empty object as its body.
    var isEmptyMessage: Bool {
        item.scope == .messageAttributes ? message.attributes.isEmpty : message.body == "{}"
    }
}

extension JSONValue {
    var isString: Bool { if case .string = self { true } else { false } }
}
