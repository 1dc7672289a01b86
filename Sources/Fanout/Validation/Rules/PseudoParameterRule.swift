/// FAN014: an `AWS::` name CloudFormation does not know, in a `Ref` (`Value.ref("AWS::Regoin")`)
/// or a `Sub` placeholder (`${AWS::Foo}`). Other references skip `AWS::` names, so nothing
/// else would catch the typo before CloudFormation refuses the template.
public struct PseudoParameterRule: Rule {
    public let code = "FAN014"
    public let summary = "AWS:: references name CloudFormation pseudo parameters"
    public init() {}
    public var readsTarget: Bool { false }

    static let known = PseudoParameter.allCases.map(\.rawValue)

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for site in context.valueSites {
            var names: [String] = []
            Self.collect(site.value, into: &names)
            for name in names where !Self.known.contains(name) {
                let suggestion = Self.closest(to: name).map { " Did you mean \($0)?" } ?? ""
                found.append(diagnostic(
                    .error,
                    "\(site.owner) refers to '\(name)', which is no CloudFormation pseudo parameter.\(suggestion) Use Value.pseudo(…) with one of \(Self.known.joined(separator: ", "))",
                    path: site.path, at: site.location))
            }
        }
        return found
    }

    /// The `AWS::` names `value` refers to. Iterative, so a deeply nested value cannot
    /// exhaust the stack.
    static func collect(_ value: Value, into names: inout [String]) {
        var pending = [value]
        while let value = pending.popLast() {
            if let sub = value.longFormSub {
                // Fn::Sub in long form: the template's placeholders, less its own variables.
                let variables = sub.variables?.mapValue ?? [:]
                let template: String? = switch sub.template {
                case .string(let string): string
                case .text(let text): text.parts.map { if case .literal(let string) = $0 { string } else { "" } }.joined()
                default: nil
                }
                if let template {
                    names += SubTemplate.placeholders(in: template).filter { $0.hasPrefix("AWS::") && variables[$0] == nil }
                } else {
                    pending.append(sub.template)
                }
                if let others = sub.variables { pending.append(others) }
                continue
            }
            switch value {
            case .ref(let id) where id.hasPrefix("AWS::"):
                names.append(id)
            case .string, .text, .int, .bool, .ref, .getAtt:
                break
            case .list(let items), .join(_, let items):
                pending += items.reversed()
            case .map(let map):
                if map.count == 1, let name = map["Ref"]?.stringValue, name.hasPrefix("AWS::") {
                    names.append(name)
                } else {
                    pending += map.values.reversed()
                }
            case .sub(let template, let variables):
                names += SubTemplate.placeholders(in: template).filter { $0.hasPrefix("AWS::") && variables[$0] == nil }
                pending += variables.values.reversed()
            case .function("Ref", .string(let name)) where name.hasPrefix("AWS::"):
                names.append(name)
            case .function(_, let argument):
                pending.append(argument)
            }
        }
    }

    /// The known name nearest to `name` when it is a likely typo: a few edits away.
    private static func closest(to name: String) -> String? {
        let scored = known.map { ($0, distance(Array(name.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
