/// A string that may contain Serverless variables, such as
/// `"${self:service}-processing-queue-one"` or `"\(Variable.service)-queue"`.
///
/// A literal is scanned for `${source:…}` variables (a lower-case source name followed by
/// `:`); anything else, such as CloudFormation's `${AWS::Region}`, stays literal text.
public struct Text: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// A run of literal text or one variable.
    public enum Part: Hashable, Sendable {
        case literal(String)
        case variable(Variable)
    }

    /// The parts in order; adjacent literals are merged.
    public private(set) var parts: [Part] = []

    public init(_ parts: [Part]) {
        parts.forEach { append($0) }
    }

    public init(stringLiteral value: String) {
        append(scanning: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.text
    }

    /// Builds a text from literal segments and interpolated variables.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = Text([])

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            text.append(scanning: literal)
        }

        public mutating func appendInterpolation(_ variable: Variable) {
            text.append(.variable(variable))
        }

        public mutating func appendInterpolation(_ string: String) {
            text.append(.literal(string))
        }

        public mutating func appendInterpolation(_ value: Int) {
            text.append(.literal(String(value)))
        }
    }

    /// The text followed by `literal`.
    public func appending(_ literal: String) -> Text {
        var copy = self
        copy.append(.literal(literal))
        return copy
    }

    /// The text with `.fifo` at the end, added when missing.
    var withFIFOSuffix: Text {
        description.hasSuffix(".fifo") ? self : appending(".fifo")
    }

    /// The variables in the text, in order.
    public var variables: [Variable] {
        parts.compactMap { if case .variable(let variable) = $0 { variable } else { nil } }
    }

    /// The text as serverless.yml spells it.
    public var description: String {
        parts.map {
            switch $0 {
            case .literal(let string): string
            case .variable(let variable): variable.description
            }
        }.joined()
    }

    /// A plain string when there are no variables, the text itself otherwise.
    public var value: Value {
        variables.isEmpty ? .string(description) : .text(self)
    }

    /// The text with every variable replaced, or the first variable `lookup` cannot resolve.
    public func resolved(_ lookup: (Variable) -> String?) -> Result<String, UnresolvedVariable> {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let string):
                result += string
            case .variable(let variable):
                guard let resolved = lookup(variable) else {
                    return .failure(UnresolvedVariable(variable: variable))
                }
                result += resolved
            }
        }
        return .success(result)
    }

    /// A variable that has no value where the text is resolved.
    public struct UnresolvedVariable: Error, Hashable, Sendable {
        public var variable: Variable

        public init(variable: Variable) {
            self.variable = variable
        }
    }

    private mutating func append(_ part: Part) {
        if case .literal(let string) = part {
            if string.isEmpty { return }
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + string)
                return
            }
        }
        parts.append(part)
    }

    /// Appends literal text, turning `${source:…}` sequences into variables.
    private mutating func append(scanning string: String) {
        var rest = string[...]
        while let open = rest.firstPlaceholderOpening() {
            let body = rest[open.upperBound...]
            guard let close = body.firstClosingBrace(),
                  Self.isVariableExpression(body[..<close])
            else {
                append(.literal(String(rest[..<open.upperBound])))
                rest = body
                continue
            }
            append(.literal(String(rest[..<open.lowerBound])))
            append(.variable(Variable(String(body[..<close]))))
            rest = body[body.index(after: close)...]
        }
        append(.literal(String(rest)))
    }

    /// `self:service`, `opt:stage, 'dev'`, `file(./config.json):key`: a lower-case source,
    /// optionally with a parenthesised argument, and a colon.
    private static func isVariableExpression(_ body: Substring) -> Bool {
        let name = body.prefix { $0.isLowercase && $0.isLetter }
        guard !name.isEmpty else { return false }
        var rest = body[name.endIndex...]
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return rest.first == ":"
    }
}
