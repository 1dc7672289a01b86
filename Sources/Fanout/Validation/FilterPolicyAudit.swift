import OrderedCollections

/// What SNS refuses (or silently reads otherwise) in a subscription filter policy, beyond the
/// key and combination limits FAN207 counts: the operators and their operands (FAN208),
/// numeric matching (FAN209), empty value lists and the `$or` shape (FAN210), and the size
/// (FAN211).
///
/// Sources: the SNS Developer Guide ("Filter policy constraints", "String value matching",
/// "Numeric value matching", "Attribute key matching", "IP address matching", "AND/OR
/// logic"); where the guide is silent (an operand's type, empty arrays, one operator per
/// matcher), the error messages SNS returns, as LocalStack's validator records them against
/// AWS and as aws/event-ruler's rule compiler raises them.
///
/// Where the guide and moto 5.2.1 (`moto/sns/models.py`, `_validate_filter_policy`) disagree:
/// - Numbers: the guide allows −10⁹ to 10⁹ with five decimals. moto refuses a plain number
///   at or beyond ±10⁹ (with an internal error, not a validation error) and does not check
///   numeric operands at all; LocalStack notes that AWS accepts larger numbers. Fanout warns.
/// - moto does not know `cidr` (it answers "Unrecognized match type"), does not check the
///   operand of `prefix`, `suffix`, `equals-ignore-case` or `anything-but`, accepts two
///   operators in one matcher, and accepts an empty value list, which AWS refuses ("Empty
///   arrays are not allowed"). moto and the guide agree that `wildcard` is no SNS operator.
/// - moto multiplies the combination count by each key's nesting depth; the guide multiplies
///   only the number of values per key (FAN207 follows the guide).
/// - moto takes any `"$or"` list as OR; the guide treats `"$or"` as an ordinary attribute
///   name unless it holds at least two objects, none of which uses an operator name as key.
/// - aws/event-ruler (the open-source matcher whose error messages SNS returns, quoted in
///   the diagnostics) takes numbers from −5×10⁹ to 5×10⁹ in the version read, wider than the
///   guide; so beyond ±10⁹ Fanout warns rather than refuses. It also refuses an anything-but
///   list that mixes strings and numbers, which neither the guide nor moto mentions.
/// - moto and the guide agree on numeric ranges: a lower bound (`>`/`>=`) first, then an
///   upper bound (`<`/`<=`) above it.
struct FilterPolicyAudit {
    /// One problem in a policy.
    struct Finding: Hashable {
        enum Kind: Hashable { case matcher, numeric, structure }
        var kind: Kind
        var severity: Severity
        var message: String
    }

    /// The operators SNS knows.
    static let operators = ["prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists", "cidr"]
    /// The numeric comparisons SNS knows.
    static let comparisons = [">", ">=", "=", "<", "<="]
    /// The guide's bound on numbers: −10⁹ to 10⁹.
    static let numberLimit = 1_000_000_000
    /// SNS's limit on a policy's size, in bytes.
    static let sizeLimit = 256 * 1024
    /// How deep the audit follows nested body keys; deeper levels are not checked.
    static let depthLimit = 64

    private(set) var findings: [Finding] = []

    /// Audits `policy` for `scope`.
    init(_ policy: Value, scope: FilterPolicyScope) {
        let root: OrderedDictionary<String, Value>
        switch policy {
        case .map(let map) where !policy.isLongFormIntrinsic:
            root = map
        case .list, .int, .bool:
            add(.structure, .error, "the policy is \(Self.describe(policy)), not an object; SNS takes a JSON object of keys and value lists; write [\"key\": [\"value\"]]")
            return
        default:
            return // A string may hold the policy's JSON; an intrinsic resolves at deploy time.
        }
        // An explicit work list rather than recursion: a hostile policy may nest deeply.
        // Read in order from `next` rather than removed from the front, which would copy the
        // rest of the list each time.
        var work: [(map: OrderedDictionary<String, Value>, prefix: String, depth: Int)] = [(root, "", 0)]
        var next = 0
        while next < work.count {
            let (map, prefix, depth) = work[next]
            next += 1
            for (key, value) in map {
                let name = prefix + key
                if key == "$or" {
                    let branches = orBranches(value, at: name)
                    work.append(contentsOf: branches.map { ($0, prefix, depth) })
                    continue
                }
                switch value {
                case .list(let items):
                    if items.isEmpty {
                        add(.structure, .error, "'\(name)' has an empty list, which SNS refuses (\"Empty arrays are not allowed\"); list at least one value or drop the key")
                    }
                    items.forEach { check($0, key: name) }
                case .map(let nested) where scope == .messageBody && depth < Self.depthLimit && !value.isLongFormIntrinsic:
                    work.append((nested, name + ".", depth + 1))
                default:
                    break // FAN207 reports nested keys outside body policies and non-list values.
                }
            }
        }
    }

    /// The policies of a `"$or"` key, or none (with a finding) when SNS would read `"$or"`
    /// as an ordinary attribute name.
    private mutating func orBranches(_ value: Value, at name: String) -> [OrderedDictionary<String, Value>] {
        let fix = "write \"$or\": [{…}, {…}] with at least two policies, or rename the key"
        guard case .list(let items) = value else {
            add(.structure, .error, "'\(name)' is not a list; SNS refuses it; \(fix)")
            return []
        }
        let branches = items.compactMap(\.mapValue)
        guard branches.count == items.count, branches.count >= 2,
              !branches.contains(where: { $0.keys.contains(where: Self.operators.contains) })
        else {
            add(.structure, .warning, "'\(name)' does not hold two or more policies without operator names as keys, so SNS reads it as an attribute called \"$or\" and delivers only messages that have one; \(fix)")
            return []
        }
        return branches
    }

    /// Checks one item of a key's value list.
    private mutating func check(_ item: Value, key: String) {
        // Resolved when the stack deploys or the Serverless Framework runs: nothing to judge here.
        guard !item.isUnresolvedHere else { return }
        switch item {
        case .string, .text, .bool:
            break
        case .int(let number):
            checkRange(number, key: key)
        case .ref, .getAtt, .sub, .join, .function:
            break // Resolved when the stack deploys; nothing to judge here.
        case .list:
            add(.matcher, .error, "a value of '\(key)' is a list; SNS takes strings, numbers, true, false and matchers (\"Match value must be String, number, true, false, or null\"); flatten it into the key's list")
        case .map(let matcher):
            checkMatcher(matcher, key: key)
        }
    }

    private mutating func checkMatcher(_ matcher: OrderedDictionary<String, Value>, key: String) {
        guard matcher.count == 1, let (name, operand) = matcher.elements.first else {
            let names = matcher.keys.map { "'\($0)'" }.joined(separator: ", ")
            add(.matcher, .error, "a matcher of '\(key)' has \(matcher.isEmpty ? "no operator" : "the operators \(names)"); SNS takes exactly one per matcher (\"Only one key allowed in match expression\"); write each as its own list item")
            return
        }
        switch name {
        case "prefix", "suffix", "equals-ignore-case":
            checkStringOperand(operand, operator: name, key: key)
        case "exists":
            if case .bool = operand { break }
            if operand.isUnresolvedHere { break }
            add(.matcher, .error, "'\(key)' has {\"exists\": \(Self.describe(operand))}; SNS takes only true or false (\"exists match pattern must be either true or false\"); use .exists(true) or .exists(false)")
        case "anything-but":
            checkAnythingBut(operand, key: key)
        case "numeric":
            checkNumeric(operand, key: key)
        case "cidr":
            checkCIDR(operand, key: key)
        default:
            let hint = name == "wildcard" ? " (wildcard matching is EventBridge's, not SNS's)" : ""
            add(.matcher, .error, "'\(key)' uses the operator '\(name)', which SNS does not know\(hint) (\"Unrecognized match type\"); use one of \(Self.operators.joined(separator: ", "))")
        }
    }

    private mutating func checkStringOperand(_ operand: Value, operator name: String, key: String) {
        guard !operand.isUnresolvedHere else { return }
        switch operand {
        case .string(let string) where string.isEmpty:
            add(.matcher, .warning, "'\(key)' has {\"\(name)\": \"\"}, which every string matches, so it filters nothing; give the \(name) text or use .exists(true)")
        case .string, .text, .ref, .getAtt, .sub, .join, .function:
            break
        default:
            add(.matcher, .error, "'\(key)' has {\"\(name)\": \(Self.describe(operand))}; SNS takes only a string (\"\(name) match pattern must be a string\"); quote the value")
        }
    }

    private mutating func checkAnythingBut(_ operand: Value, key: String) {
        guard !operand.isUnresolvedHere else { return }
        switch operand {
        case .string, .text, .ref, .getAtt, .sub, .join, .function:
            break
        case .int(let number):
            checkRange(number, key: key)
        case .list(let items):
            if items.isEmpty {
                add(.matcher, .error, "'\(key)' has {\"anything-but\": []}; SNS refuses empty arrays; list the values to exclude")
            }
            var kinds: Set<String> = []
            for item in items where !item.isUnresolvedHere {
                switch item {
                case .string, .text: kinds.insert("string")
                case .ref, .getAtt, .sub, .join, .function: break
                case .int(let number):
                    kinds.insert("number")
                    checkRange(number, key: key)
                default:
                    add(.matcher, .error, "'\(key)' has anything-but with \(Self.describe(item)) in its list; SNS excludes only strings and numbers (\"Inside anything but list, start|null|boolean is not supported\"); list those")
                }
            }
            if kinds.count > 1 {
                add(.matcher, .error, "'\(key)' mixes strings and numbers in one anything-but list (\"Inside anything but list, either all values are number or string\"); use two matchers, one per type")
            }
        case .map(let inner):
            if inner.count == 1, let (name, value) = inner.elements.first, name == "prefix" {
                if value == .string("") {
                    add(.matcher, .error, "'\(key)' has {\"anything-but\": {\"prefix\": \"\"}}, which SNS refuses (\"Null prefix/suffix not allowed\"); give the prefix to exclude")
                } else {
                    checkStringOperand(value, operator: "prefix", key: key)
                }
            } else {
                let names = inner.keys.joined(separator: ", ")
                add(.matcher, .error, "'\(key)' has anything-but with {\(names)}; SNS combines anything-but only with one prefix (\"Unsupported anything-but pattern\"); write {\"anything-but\": {\"prefix\": \"…\"}}")
            }
        case .bool:
            add(.matcher, .error, "'\(key)' has {\"anything-but\": \(Self.describe(operand))}; SNS excludes strings, numbers, a list of them, or a prefix; use one of those")
        }
    }

    /// `[op, n]` or `[">"/">=", low, "<"/"<=", high]` with `low < high`, as SNS parses it.
    private mutating func checkNumeric(_ operand: Value, key: String) {
        let fix = "write [\"<op>\", number] or a range such as [\">\", 0, \"<=\", 150]"
        guard !operand.isUnresolvedHere else { return }
        // A comparison given by a variable or intrinsic: the expression cannot be read here.
        if case .list(let terms) = operand, terms.indices.contains(where: { $0 % 2 == 0 && terms[$0].isUnresolvedHere }) { return }
        guard case .list(let terms) = operand, !terms.isEmpty else {
            add(.numeric, .error, "'\(key)' has {\"numeric\": \(Self.describe(operand))}; SNS refuses it; \(fix)")
            return
        }
        func comparison(_ index: Int, among allowed: [String]) -> String? {
            guard index < terms.count, case .string(let op) = terms[index] else {
                let found = index < terms.count ? Self.describe(terms[index]) : "nothing"
                add(.numeric, .error, "'\(key)' has \(found) where a numeric comparison (\(allowed.joined(separator: " "))) belongs; \(fix)")
                return nil
            }
            guard allowed.contains(op) else {
                add(.numeric, .error, "'\(key)' compares with '\(op)' where SNS accepts \(allowed.joined(separator: " ")) (\"Unrecognized numeric range operator\"); \(fix)")
                return nil
            }
            return op
        }
        // `nil` for a value resolved at deploy time, which cannot be judged.
        func number(_ index: Int, after op: String) -> Int?? {
            guard index < terms.count else {
                add(.numeric, .error, "'\(key)' has no number after '\(op)' (\"Value of \(op) must be numeric\"); \(fix)")
                return .none
            }
            if terms[index].isUnresolvedHere { return .some(nil) }
            switch terms[index] {
            case .int(let value):
                checkRange(value, key: key)
                return .some(value)
            case .ref, .getAtt, .sub, .join, .function:
                return .some(nil)
            default:
                add(.numeric, .error, "'\(key)' compares '\(op)' with \(Self.describe(terms[index])), not a number (\"Value of \(op) must be numeric\"); write the number unquoted")
                return .none
            }
        }
        guard let first = comparison(0, among: Self.comparisons), let low = number(1, after: first) else { return }
        guard terms.count > 2 else { return }
        guard first == ">" || first == ">=" else {
            add(.numeric, .error, "'\(key)' continues after '\(first)' (\"Too many elements in numeric expression\"); a range starts with > or >= and ends with < or <=: \(fix)")
            return
        }
        guard let second = comparison(2, among: ["<", "<="]), let high = number(3, after: second) else { return }
        if terms.count > 4 {
            add(.numeric, .error, "'\(key)' has \(terms.count) terms; a range has four (\"Too many terms in numeric range expression\"); \(fix)")
        }
        if let low, let high, high <= low {
            add(.numeric, .error, "'\(key)' has the range \(first) \(low) \(second) \(high), whose top is not above its bottom (\"Bottom must be less than top\"); swap or correct the bounds")
        }
    }

    private mutating func checkRange(_ number: Int, key: String) {
        guard number < -Self.numberLimit || number > Self.numberLimit else { return }
        add(.numeric, .warning, "'\(key)' matches \(number); SNS documents numeric matching only from -1,000,000,000 to 1,000,000,000, so the match is not reliable; compare a string, or scale the number")
    }

    private mutating func checkCIDR(_ operand: Value, key: String) {
        guard !operand.isUnresolvedHere else { return }
        let string: String
        switch operand {
        case .string(let value): string = value
        case .text, .ref, .getAtt, .sub, .join, .function: return
        default:
            add(.matcher, .error, "'\(key)' has {\"cidr\": \(Self.describe(operand))}; SNS takes a string such as \"10.0.0.0/24\"; quote the network")
            return
        }
        if let problem = CIDR.problem(string) {
            add(.matcher, .error, "'\(key)' has {\"cidr\": \"\(string)\"}: \(problem); SNS refuses it; write a network such as \"10.0.0.0/24\"")
        }
    }

    private mutating func add(_ kind: Finding.Kind, _ severity: Severity, _ message: String) {
        findings.append(Finding(kind: kind, severity: severity, message: message))
    }

    /// A short JSON-like spelling of a value, for messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .string(let string): "\"\(string)\""
        case .text(let text): "\"\(text.description)\""
        case .int(let int): String(int)
        case .bool(let bool): String(bool)
        case .list(let items): items.isEmpty ? "[]" : "a list"
        case .map(let map): map.isEmpty ? "{}" : "an object"
        default: "an intrinsic function"
        }
    }
}

/// Checks of SNS's `cidr` operand: an IPv4 or IPv6 network with one `/` and an integer
/// prefix length, no host bits set (SNS answers "Nonstandard IP address" otherwise).
enum CIDR {
    /// What is wrong with `string` as a network, or `nil` when it is one.
    static func problem(_ string: String) -> String? {
        let parts = string.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "a network has exactly one '/' (\"Malformed CIDR, one '/' required\")" }
        guard let bits = Int(parts[1]), bits >= 0 else { return "the prefix length '\(parts[1])' is no integer" }
        let address = String(parts[0])
        if let octets = ipv4(address) {
            guard bits <= 32 else { return "an IPv4 prefix length is at most 32" }
            let value = octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let hostMask: UInt32 = bits == 32 ? 0 : UInt32.max >> UInt32(bits)
            return value & hostMask == 0 ? nil : "'\(address)' has host bits set beyond /\(bits) (\"Nonstandard IP address\")"
        }
        if isIPv6(address) {
            return bits <= 128 ? nil : "an IPv6 prefix length is at most 128"
        }
        return "'\(address)' is no IP address (\"Nonstandard IP address\")"
    }

    /// The four octets of a dotted IPv4 address in canonical form (no leading zeros).
    static func ipv4(_ string: String) -> [UInt8]? {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || !part.hasPrefix("0"), let octet = UInt8(part)
            else { return nil }
            octets.append(octet)
        }
        return octets
    }

    /// Whether `string` is an IPv6 address: up to eight groups of one to four hex digits,
    /// at most one `::`.
    static func isIPv6(_ string: String) -> Bool {
        guard string.contains(":"), string.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return false }
        let halves = string.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let groups = halves.flatMap { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false) }
        guard groups.allSatisfy({ (1...4).contains($0.count) }) else { return false }
        return halves.count == 2 ? groups.count <= 7 : groups.count == 8
    }
}

extension FilterPolicyAudit {
    /// The fewest bytes `value` takes as compact JSON: strings with their quotes and
    /// escapes, numbers, punctuation; an intrinsic function counts as nothing, since SNS sees
    /// only what it resolves to.
    static func minimumJSONSize(_ value: Value) -> Int {
        var size = 0
        var work: [Value] = [value]
        while let next = work.popLast() {
            switch next {
            case .string(let string): size += jsonSize(string)
            case .text(let text): size += jsonSize(text.description)
            case .int(let int): size += String(int).utf8.count
            case .bool(let bool): size += bool ? 4 : 5
            case .list(let items):
                size += 2 + max(items.count - 1, 0)
                work.append(contentsOf: items)
            case .map(let map):
                size += 2 + max(map.count - 1, 0) + map.keys.reduce(0) { $0 + jsonSize($1) + 1 }
                work.append(contentsOf: map.values)
            case .ref, .getAtt, .sub, .join, .function:
                break
            }
        }
        return size
    }

    /// A JSON string's bytes: quotes, escaped quotes and backslashes, `\u` control characters.
    private static func jsonSize(_ string: String) -> Int {
        string.utf8.reduce(2) { size, byte in
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): size + 2
            case 0x08, 0x09, 0x0A, 0x0C, 0x0D: size + 2
            case ..<0x20: size + 6
            default: size + 1
            }
        }
    }
}

private extension Value {
    /// Whether the value is known only later: an intrinsic function (short or long form),
    /// resolved when the stack deploys, or a Serverless variable (`${self:custom.limit}`),
    /// resolved by the Serverless Framework. Such operands are not judged.
    var isUnresolvedHere: Bool {
        if case .text = self { return true }
        return isIntrinsic
    }
}
