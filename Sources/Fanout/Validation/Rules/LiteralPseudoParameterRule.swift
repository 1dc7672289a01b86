/// FAN024: `${AWS::Region}` (or any `${AWS::…}`) in a plain string. Only `Fn::Sub` substitutes
/// it; anywhere else CloudFormation deploys the literal text (a warning: AWS accepts the
/// value, which is wrong). `Text` keeps it literal too; only Serverless variables resolve.
public struct LiteralPseudoParameterRule: Rule {
    public let code = "FAN024"
    public let summary = "${AWS::…} appears only in .sub(…) strings, where CloudFormation substitutes it"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for site in context.valueSites {
            var seen: Set<String> = []
            Self.forEachLiteral(in: site.value) { value in
                let literal: String
                switch value {
                case .string(let string):
                    guard Self.mayHoldPlaceholder(string) else { return }
                    literal = string
                case .text(let text):
                    // A placeholder needs a `$` in some literal part; most texts have none.
                    guard text.parts.contains(where: { if case .literal(let string) = $0 { string.utf8.contains(UInt8(ascii: "$")) } else { false } })
                    else { return }
                    literal = text.parts.map { if case .literal(let string) = $0 { string } else { "" } }.joined()
                default: return
                }
                guard let placeholder = Self.placeholder(in: literal), seen.insert(literal).inserted else { return }
                let fix = placeholder == "${AWS::Region}"
                    ? "write .sub(\"…\(placeholder)…\") or use Variable.region in a Text"
                    : "write .sub(\"…\(placeholder)…\") (or .pseudo(…) for the whole value)"
                found.append(diagnostic(
                    .warning, "'\(literal)' in \(site.owner) contains \(placeholder), which is deployed as literal text: only Fn::Sub substitutes it; \(fix)",
                    path: site.path, at: site.location))
            }
        }
        return found
    }

    /// Every value inside `value`, itself first, depth first, except the templates of
    /// `Fn::Sub`s in long form (`.function("Fn::Sub", …)`, `["Fn::Sub": …]`), where
    /// CloudFormation substitutes the placeholders; their variables are walked. Iterative, so
    /// a deeply nested value cannot exhaust the stack.
    static func literals(in value: Value) -> [Value] {
        var found: [Value] = []
        forEachLiteral(in: value) { found.append($0) }
        return found
    }

    /// Calls `visit` with each value ``literals(in:)`` lists, in its order, without collecting
    /// them or the children of each value into arrays.
    static func forEachLiteral(in value: Value, _ visit: (Value) -> Void) {
        var work: [Value] = [value]
        while let next = work.popLast() {
            switch next {
            case .map, .function:
                if let sub = next.longFormSub {
                    if let variables = sub.variables { work.append(variables) }
                    continue
                }
            default: break
            }
            visit(next)
            next.pushChildren(onto: &work)
        }
    }

    /// Whether `string`'s bytes hold `${AWS::`. Without them ``placeholder(in:)`` cannot find
    /// one (its characters are ASCII, which only they spell), so most strings skip its search.
    private static let pseudoOpening = Array("${AWS::".utf8)

    static func mayHoldPlaceholder(_ string: String) -> Bool {
        let bytes = string.utf8
        var index = bytes.startIndex
        while let dollar = bytes[index...].firstIndex(of: UInt8(ascii: "$")) {
            if bytes[dollar...].starts(with: pseudoOpening) { return true }
            index = bytes.index(after: dollar)
        }
        return false
    }

    /// The first `${AWS::…}` placeholder in `string`.
    static func placeholder(in string: String) -> String? {
        guard let open = string.firstRange(of: "${AWS::") else { return nil }
        let rest = string[open.lowerBound...]
        guard let close = rest.firstIndex(of: "}") else { return String(rest) }
        return String(rest[...close])
    }
}
