import OrderedCollections

/// Decides, as SNS does, whether a subscription's filter policy accepts a message.
///
/// The semantics are the SNS Developer Guide's
/// (https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html):
/// every key of the policy must match (AND), and a key matches when at least one of its
/// listed conditions matches at least one of the message's values there (OR). The
/// differential test (`FilterPolicyDifferentialTests`) holds this against moto's matcher;
/// where the two differ, the list of differences there gives the guide's reason.
///
/// The policy is assumed to pass Fanout's validation (FAN207–FAN211); a condition SNS would
/// refuse (an unknown operator, a malformed range) matches nothing here.
public struct FilterPolicyEvaluator: Sendable {
    /// The policy's keys and conditions.
    public let policy: OrderedDictionary<String, JSONValue>
    public let scope: FilterPolicyScope

    /// An evaluator of `policy` (a JSON object) for `scope`; `nil` when it is no object.
    public init?(_ policy: JSONValue, scope: FilterPolicyScope) {
        guard case .object(let members) = policy else { return nil }
        self.policy = members
        self.scope = scope
    }

    /// An evaluator of a DSL policy; `nil` when part of it is known only at deploy time.
    public init?(_ policy: FilterPolicy) {
        guard let json = JSONValue(policy.value) else { return nil }
        self.init(json, scope: policy.scope)
    }

    /// `nil` when the policy accepts the message; otherwise the first key that rejects it.
    ///
    /// - Parameters:
    ///   - body: the published message (for body policies, JSON text).
    ///   - attributes: the message attributes, by name.
    public func evaluate(body: String, attributes: OrderedDictionary<String, MessageAttribute> = [:]) -> FilterRejection? {
        evaluate(parsedBody: scope == .messageBody ? try? JSONReader.read(body) : nil, attributes: attributes)
    }

    /// ``evaluate(body:attributes:)`` with the body read already (`nil`: not JSON), for a
    /// message judged by many policies.
    func evaluate(parsedBody: JSONValue?, attributes: OrderedDictionary<String, MessageAttribute>) -> FilterRejection? {
        guard !policy.isEmpty else { return nil }
        switch scope {
        case .messageAttributes:
            return evaluate(attributes: attributes)
        case .messageBody:
            guard let json = parsedBody else {
                // "Filter policies for the message body assume that the message payload is a
                // well-formed JSON object." https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html
                return FilterRejection(key: policy.keys.first ?? "", condition: "a policy on the message body", found: "a body that is not JSON")
            }
            return evaluate(body: json)
        }
    }

    /// Evaluates a parsed JSON body.
    public func evaluate(body json: JSONValue) -> FilterRejection? {
        guard !policy.isEmpty else { return nil }
        guard case .object = json else {
            return FilterRejection(key: policy.keys.first ?? "", condition: "a policy on the message body", found: "a body that is not a JSON object")
        }
        // "exists": false "only matches if at least one attribute is present. An empty set of
        // attributes results in the filter not matching."
        // https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html — the same
        // holds for a body without any value (an empty object).
        guard Self.hasLeaf(json) else {
            return FilterRejection(key: policy.keys.first ?? "", condition: Self.describe(policy.values.first ?? .null), found: "an empty message body")
        }
        return match(policy, against: json, path: "")
    }

    private func evaluate(attributes: OrderedDictionary<String, MessageAttribute>) -> FilterRejection? {
        // Binary attributes take no part in filtering: SNS matches String, String.Array and
        // Number only. https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
        var fields: OrderedDictionary<String, JSONValue> = [:]
        for (name, attribute) in attributes {
            switch attribute.dataType {
            case .binary:
                continue
            case .string:
                fields[name] = .string(attribute.value)
            case .number:
                // A Number attribute is matched as a number, never as the string it is sent
                // as: ["100"] does not match Number 100, and [100] does not match String "100".
                // https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html
                if case .number(let value, let text)? = try? JSONReader.read(attribute.value) {
                    fields[name] = .number(value, text: text)
                } else {
                    fields[name] = .array([])
                }
            case .stringArray:
                // Each element is matched on its own, with its JSON type: a number in a
                // String.Array matches numeric conditions.
                // https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html
                if case .array(let items)? = try? JSONReader.read(attribute.value) {
                    fields[name] = .array(items)
                } else {
                    fields[name] = .array([])
                }
            }
        }
        guard !fields.isEmpty else {
            // An empty set of attributes matches no policy, "exists": false included.
            // https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html
            return FilterRejection(key: policy.keys.first ?? "", condition: Self.describe(policy.values.first ?? .null), found: "a message without attributes")
        }
        return match(policy, against: .object(fields), path: "", nests: false)
    }

    /// Whether `node` holds at least one value (a scalar, `null` included) at any depth.
    private static func hasLeaf(_ node: JSONValue) -> Bool {
        var work = [node]
        while let next = work.popLast() {
            switch next {
            case .object(let members): work.append(contentsOf: members.values)
            case .array(let items): work.append(contentsOf: items)
            default: return true
            }
        }
        return false
    }

    /// Matches a policy object against a message node: every key must match.
    /// An array node matches when one of its elements does, so keys of one policy object
    /// are matched within the same array element.
    private func match(_ conditions: OrderedDictionary<String, JSONValue>, against node: JSONValue, path: String, nests: Bool = true, depth: Int = 0) -> FilterRejection? {
        if case .array(let items) = node {
            // An array in the body matches when one of its elements does: the guide's body
            // `{"customer_interests": ["rugby", "baseball"]}` matches a policy on
            // "customer_interests" through either element.
            // https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html
            var first: FilterRejection?
            for item in items {
                guard let rejection = match(conditions, against: item, path: path, nests: nests, depth: depth + 1) else { return nil }
                if first == nil { first = rejection }
            }
            return first ?? match(conditions, against: .object([:]), path: path, nests: nests, depth: depth + 1)
        }
        // A scalar where the policy nests reads as an object without keys: its leaves are
        // all absent, so only "exists": false matches there.
        let members = node.objectValue ?? [:]
        for (key, condition) in conditions {
            let name = path.isEmpty ? key : path + "." + key
            if key == "$or", let branches = Self.orBranches(condition) {
                // The OR operator: at least one of the policies must match.
                // https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html
                var first: FilterRejection?
                var matched = false
                for branch in branches {
                    if let rejection = match(branch, against: node, path: path, nests: nests, depth: depth + 1) {
                        if first == nil { first = rejection }
                    } else {
                        matched = true
                        break
                    }
                }
                if !matched {
                    let reason = first.map { " (the first: \($0))" } ?? ""
                    return FilterRejection(key: path.isEmpty ? "$or" : path + ".$or", condition: "any of \(branches.count) policies", found: "no policy matches\(reason)")
                }
                continue
            }
            switch condition {
            case .object(let nested) where nests && depth < JSONReader.depthLimit:
                // Body policies nest keys: "exists" matching works on leaf nodes only, and a
                // missing intermediate key leaves its leaves absent.
                // https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html
                if let rejection = match(nested, against: members[key] ?? .object([:]), path: name, nests: nests, depth: depth + 1) {
                    return rejection
                }
            case .array(let items):
                // A missing key matches no condition but "exists": false: "each property name
                // in the filter policy matches a message attribute name" (or body property).
                // https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
                let values = Self.leafValues(members[key])
                if !items.contains(where: { Self.matches($0, values: values) }) {
                    return FilterRejection(key: name, condition: Self.describe(condition), found: Self.describeFound(members[key], values: values))
                }
            default:
                return FilterRejection(key: name, condition: Self.describe(condition), found: "a condition SNS refuses (a key's conditions are a list)")
            }
        }
        return nil
    }

    /// The policies of a `"$or"` key, or `nil` when SNS reads `"$or"` as an attribute name:
    /// it must list two or more objects, none with an operator name as key (see
    /// ``FilterPolicyAudit``).
    static func orBranches(_ condition: JSONValue) -> [OrderedDictionary<String, JSONValue>]? {
        guard case .array(let items) = condition else { return nil }
        let branches = items.compactMap(\.objectValue)
        guard branches.count == items.count, branches.count >= 2,
              !branches.contains(where: { $0.keys.contains(where: FilterPolicyAudit.operators.contains) })
        else { return nil }
        return branches
    }

    /// The values a key holds: a scalar alone, an array's scalars (nested arrays flattened);
    /// objects hold no value at this key (their keys are deeper paths).
    static func leafValues(_ node: JSONValue?) -> [JSONValue] {
        guard let node else { return [] }
        var values: [JSONValue] = []
        var work = [node]
        while let next = work.popLast() {
            switch next {
            case .array(let items): work.append(contentsOf: items.reversed())
            case .object: continue
            default: values.append(next)
            }
        }
        return values
    }

    /// Whether one listed condition matches one of `values` (or, for `exists`, their presence).
    static func matches(_ condition: JSONValue, values: [JSONValue]) -> Bool {
        switch condition {
        case .string, .number, .bool, .null:
            return values.contains { same($0, condition) }
        case .array:
            return false
        case .object(let matcher):
            guard matcher.count == 1, let (name, operand) = matcher.elements.first else { return false }
            let strings = values.compactMap { if case .string(let string) = $0 { string } else { nil } }
            switch name {
            case "exists":
                // "The key must have a non-null and non-empty value."
                // https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html
                guard case .bool(let wanted) = operand else { return false }
                let present = values.contains { $0 != .null }
                return present == wanted
            case "prefix":
                guard case .string(let prefix) = operand else { return false }
                return strings.contains { $0.unicodeScalars.starts(with: prefix.unicodeScalars) }
            case "suffix":
                guard case .string(let suffix) = operand else { return false }
                return strings.contains { $0.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) }
            case "equals-ignore-case":
                guard case .string(let text) = operand else { return false }
                return strings.contains { sameIgnoringCase($0, text) }
            case "anything-but":
                return anythingBut(operand, values: values, strings: strings)
            case "numeric":
                guard let comparisons = numericComparisons(operand) else { return false }
                return values.contains { value in
                    guard case .number(let number, _) = value else { return false }
                    return comparisons.allSatisfy { compare(number, $0.op, $0.operand) }
                }
            case "cidr":
                guard case .string(let text) = operand, let network = IPNetwork(text) else { return false }
                return strings.contains(where: network.contains)
            default:
                return false
            }
        }
    }

    /// `anything-but`: the key must be present (a missing key matches only with
    /// `"exists": false` beside it), and one of its values must be outside the exclusion:
    /// "it matches ... because it contains a value that isn't rugby or tennis".
    /// https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html
    private static func anythingBut(_ operand: JSONValue, values: [JSONValue], strings: [String]) -> Bool {
        switch operand {
        case .string, .number:
            return values.contains { $0 != .null && !same($0, operand) }
        case .array(let excluded):
            return values.contains { value in value != .null && !excluded.contains { same(value, $0) } }
        case .object(let inner):
            guard inner.count == 1, let (name, text) = inner.elements.first else { return false }
            switch (name, text) {
            case ("prefix", .string(let prefix)):
                return strings.contains { !$0.unicodeScalars.starts(with: prefix.unicodeScalars) }
            case ("suffix", .string(let suffix)):
                return strings.contains { !$0.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) }
            case ("equals-ignore-case", .string(let excluded)):
                return strings.contains { !sameIgnoringCase($0, excluded) }
            case ("equals-ignore-case", .array(let excluded)):
                let texts = excluded.compactMap { if case .string(let string) = $0 { string } else { nil } }
                return strings.contains { value in !texts.contains { sameIgnoringCase(value, $0) } }
            default:
                return false
            }
        default:
            return false
        }
    }

    /// The comparisons of a numeric condition: `[op, n]` or `[">"/">=", low, "<"/"<=", high]`.
    static func numericComparisons(_ operand: JSONValue) -> [(op: String, operand: Double)]? {
        guard case .array(let terms) = operand, terms.count == 2 || terms.count == 4 else { return nil }
        var comparisons: [(op: String, operand: Double)] = []
        for index in stride(from: 0, to: terms.count, by: 2) {
            guard case .string(let op) = terms[index], FilterPolicyAudit.comparisons.contains(op),
                  case .number(let number, _) = terms[index + 1]
            else { return nil }
            comparisons.append((op, number))
        }
        return comparisons
    }

    /// Numbers compare by value, as doubles: 301.5 equals 3.015e2. The guide promises five
    /// decimal digits of precision between −10⁹ and 10⁹ (FAN209 warns beyond); values that
    /// differ only further out may compare equal on SNS, where Fanout tells them apart.
    /// https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
    private static func compare(_ value: Double, _ op: String, _ operand: Double) -> Bool {
        switch op {
        case "=": value == operand
        case ">": value > operand
        case ">=": value >= operand
        case "<": value < operand
        case "<=": value <= operand
        default: false
        }
    }

    /// JSON equality with SNS's types: a number never equals a string ("100" is not 100),
    /// numbers equal by value, strings by their Unicode scalars (no normalization).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x, _), .number(let y, _)): x == y
        case (.string(let x), .string(let y)): x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    private static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        a.lowercased().unicodeScalars.elementsEqual(b.lowercased().unicodeScalars)
    }

    static func describe(_ value: JSONValue) -> String { value.description }

    private static func describeFound(_ node: JSONValue?, values: [JSONValue]) -> String? {
        guard let node else { return nil }
        if values.isEmpty { return "no value (\(node.description))" }
        return node.description
    }
}
