import OrderedCollections

/// A CloudFormation-shaped value: scalars, lists, ordered maps and intrinsic functions.
///
/// Translators build documents out of values; renderers turn the same value tree into YAML
/// (intrinsics as short-form tags such as `!Ref`) or JSON (`{"Ref": …}`). Maps keep their
/// insertion order, so output is the same on every run.
///
/// Only the cases that hold a value directly or carry a large payload are `indirect`: boxing
/// every case cost a heap allocation, and its reference counting, for each scalar of a
/// template (hundreds of thousands in a large fan-out).
public enum Value: Hashable, Sendable {
    case string(String)
    /// A string with Serverless variables (`${self:service}-queue`), kept as written in
    /// serverless.yml and resolved when compiling raw CloudFormation.
    case text(Text)
    case int(Int)
    case bool(Bool)
    case list([Value])
    case map(OrderedDictionary<String, Value>)
    /// `!Ref LogicalId`: the resource's primary identifier (a topic's ARN, a queue's URL).
    case ref(String)
    /// `!GetAtt LogicalId.Attribute`.
    case getAtt(String, String)
    /// `!Sub 'text with ${Placeholders}'`, optionally with its own variables.
    indirect case sub(String, OrderedDictionary<String, Value> = [:])
    /// `!Join [delimiter, [values]]`.
    case join(String, [Value])
    /// Any other intrinsic function, by its long name (`Fn::Select`) and argument.
    indirect case function(String, Value)

    /// A reference to a pseudo parameter such as `AWS::Region`.
    public static func pseudo(_ name: PseudoParameter) -> Value {
        .ref(name.rawValue)
    }

    /// The value's map, if it is one.
    public var mapValue: OrderedDictionary<String, Value>? {
        if case .map(let map) = self { return map }
        return nil
    }

    /// The value's items if it is a list, or the value alone.
    public var listValue: [Value] {
        if case .list(let items) = self { return items }
        return [self]
    }

    /// The value's string, if it is a plain string.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The logical IDs this value refers to through `Ref`, `GetAtt` and `Sub`, in order.
    public var referencedLogicalIDs: [String] {
        var ids: [String] = []
        visitReferences { ids.append($0) }
        return ids
    }

    /// Calls `visit` with each logical ID ``referencedLogicalIDs`` lists, in the same order,
    /// without collecting them into an array first.
    func visitReferences(_ visit: (String) -> Void) {
        switch self {
        case .string, .text, .int, .bool:
            break
        case .list(let items):
            items.forEach { $0.visitReferences(visit) }
        case .map(let map):
            map.values.forEach { $0.visitReferences(visit) }
        case .ref(let id):
            if !id.hasPrefix("AWS::") { visit(id) }
        case .getAtt(let id, _):
            visit(id)
        case .sub(let template, let variables):
            SubTemplate.forEachPlaceholder(in: template) { name in
                guard !name.hasPrefix("AWS::"), variables[String(name)] == nil else { return }
                visit(String(name.prefix { $0 != "." }))
            }
            variables.values.forEach { $0.visitReferences(visit) }
        case .join(_, let items):
            items.forEach { $0.visitReferences(visit) }
        case .function(_, let argument):
            argument.visitReferences(visit)
        }
    }
}

/// CloudFormation's pseudo parameters.
public enum PseudoParameter: String, Sendable, CaseIterable {
    case accountID = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackID = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"
}

extension Value: ExpressibleByStringLiteral {
    /// A string literal; `${self:service}`-style Serverless variables in it are kept as
    /// variables.
    public init(stringLiteral value: String) {
        self = Text(stringLiteral: value).value
    }
}

extension Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    /// A map literal; the pairs keep the order they are written in.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
