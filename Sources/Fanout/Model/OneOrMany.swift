/// One value or a list of values, kept as written: IAM and CloudFormation accept both
/// `Action: sqs:SendMessage` and `Action: [sqs:SendMessage]`, and output keeps the choice.
public enum OneOrMany<Element: Hashable & Sendable>: Hashable, Sendable {
    case one(Element)
    case many([Element])

    /// The elements, whichever form they were written in.
    public var elements: [Element] {
        switch self {
        case .one(let element): [element]
        case .many(let elements): elements
        }
    }

    /// The same shape with every element transformed.
    public func map<T>(_ transform: (Element) throws -> T) rethrows -> OneOrMany<T> {
        switch self {
        case .one(let element): .one(try transform(element))
        case .many(let elements): .many(try elements.map(transform))
        }
    }
}

extension OneOrMany: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self = .many(elements) }
}

extension OneOrMany: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral where Element: ExpressibleByStringLiteral
{
    public init(stringLiteral value: Element.StringLiteralType) {
        self = .one(Element(stringLiteral: value))
    }

    public init(unicodeScalarLiteral value: Element.StringLiteralType) {
        self = .one(Element(stringLiteral: value))
    }

    public init(extendedGraphemeClusterLiteral value: Element.StringLiteralType) {
        self = .one(Element(stringLiteral: value))
    }
}

extension OneOrMany where Element == Value {
    /// The value: the element itself, or a list.
    var value: Value {
        switch self {
        case .one(let element): element
        case .many(let elements): .list(elements)
        }
    }
}

extension OneOrMany where Element == String {
    /// The value: a string, or a list of strings.
    var value: Value {
        switch self {
        case .one(let element): .string(element)
        case .many(let elements): .list(elements.map(Value.string))
        }
    }
}
