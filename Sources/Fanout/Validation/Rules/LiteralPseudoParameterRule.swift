/// FAN024: `${AWS::Region}` (or any `${AWS::…}`) in a plain string. Only `Fn::Sub` substitutes
/// it; anywhere else CloudFormation deploys the literal text (a warning: AWS accepts the
/// value, which is wrong). `Text` keeps it literal too; only Serverless variables resolve.
public struct LiteralPseudoParameterRule: Rule {
    public let code = "FAN024"
    public let summary = "${AWS::…} appears only in .sub(…) strings, where CloudFormation substitutes it"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.valueSites.flatMap { site in
            var seen: Set<String> = []
            return Self.literals(in: site.value).compactMap { value -> Diagnostic? in
                let literal: String
                switch value {
                case .string(let string): literal = string
                case .text(let text):
                    literal = text.parts.map { if case .literal(let string) = $0 { string } else { "" } }.joined()
                default: return nil
                }
                guard let placeholder = Self.placeholder(in: literal), seen.insert(literal).inserted else { return nil }
                let fix = placeholder == "${AWS::Region}"
                    ? "write .sub(\"…\(placeholder)…\") or use Variable.region in a Text"
                    : "write .sub(\"…\(placeholder)…\") (or .pseudo(…) for the whole value)"
                return diagnostic(
                    .warning, "'\(literal)' in \(site.owner) contains \(placeholder), which is deployed as literal text: only Fn::Sub substitutes it; \(fix)",
                    path: site.path, at: site.location)
            }
        }
    }

    /// Every value inside `value`, itself first, depth first, except the templates of
    /// `Fn::Sub`s in long form (`.function("Fn::Sub", …)`, `["Fn::Sub": …]`), where
    /// CloudFormation substitutes the placeholders; their variables are walked. Iterative, so
    /// a deeply nested value cannot exhaust the stack.
    static func literals(in value: Value) -> [Value] {
        var found: [Value] = []
        var work: [Value] = [value]
        while let next = work.popLast() {
            if let sub = next.longFormSub {
                if let variables = sub.variables { work.append(variables) }
                continue
            }
            found.append(next)
            work.append(contentsOf: next.children.reversed())
        }
        return found
    }

    /// The first `${AWS::…}` placeholder in `string`.
    static func placeholder(in string: String) -> String? {
        guard let open = string.firstRange(of: "${AWS::") else { return nil }
        let rest = string[open.lowerBound...]
        guard let close = rest.firstIndex(of: "}") else { return String(rest) }
        return String(rest[...close])
    }
}
