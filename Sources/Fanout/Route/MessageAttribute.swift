import OrderedCollections

/// An SNS message attribute: its data type and its value as published.
///
/// `String.Array` holds a JSON array in its value (`["a", 1, true]`); `Binary` attributes are
/// never matched by filter policies. A custom type label (`Number.float`, `String.json`)
/// keeps the base type's meaning.
public struct MessageAttribute: Hashable, Sendable {
    /// The attribute's data type, as SNS names it.
    public enum DataType: String, Hashable, Sendable, CaseIterable {
        case string = "String"
        case number = "Number"
        case stringArray = "String.Array"
        case binary = "Binary"

        /// The type `name` denotes: a base type, or a base type with a custom label
        /// (`Number.int`); `nil` for anything else.
        public init?(named name: String) {
            if let exact = DataType(rawValue: name) {
                self = exact
                return
            }
            guard let dot = name.firstIndex(of: "."), let base = DataType(rawValue: String(name[..<dot])),
                  base != .stringArray, name.index(after: dot) < name.endIndex
            else { return nil }
            self = base
        }
    }

    public var dataType: DataType
    /// The value as SNS carries it: text for `String`, `Number` and `String.Array`,
    /// base64 for `Binary`.
    public var value: String

    public init(_ dataType: DataType, _ value: String) {
        self.dataType = dataType
        self.value = value
    }

    /// A `String` attribute.
    public static func string(_ value: String) -> MessageAttribute { MessageAttribute(.string, value) }
    /// A `Number` attribute.
    public static func number(_ value: String) -> MessageAttribute { MessageAttribute(.number, value) }
    /// A `String.Array` attribute; `json` is the JSON array.
    public static func stringArray(_ json: String) -> MessageAttribute { MessageAttribute(.stringArray, json) }

    /// What SNS refuses in this attribute at publish time, or `nil` when it is valid: an
    /// empty value, a `Number` that is no number, a `String.Array` that is no JSON array (of strings,
    /// numbers, true, false and null).
    public var problem: String? {
        guard !value.isEmpty else {
            return "the value is empty; SNS refuses attributes without a value"
        }
        switch dataType {
        case .string, .binary:
            return nil
        case .number:
            guard case .number? = try? JSONReader.read(value) else {
                return "'\(value)' is not a number; a Number attribute takes digits such as 42, -1.5 or 3e2"
            }
            return nil
        case .stringArray:
            let parsed: JSONValue
            do {
                parsed = try JSONReader.read(value)
            } catch {
                return "the String.Array value is not JSON (\(error)); write a JSON array such as [\"a\", \"b\"]"
            }
            guard case .array(let items) = parsed else {
                return "the String.Array value is not a JSON array; write one such as [\"a\", \"b\"]"
            }
            if items.contains(where: { if case .array = $0 { true } else if case .object = $0 { true } else { false } }) {
                return "a String.Array holds strings, numbers, true, false and null, not arrays or objects"
            }
            return nil
        }
    }

    /// The attributes of an AWS CLI `--message-attributes` JSON object:
    /// `{"color": {"DataType": "String", "StringValue": "red"}}`; `Binary` takes `BinaryValue`.
    public static func attributes(awsCLI json: String) throws -> OrderedDictionary<String, MessageAttribute> {
        let parsed: JSONValue
        do {
            parsed = try JSONReader.read(json)
        } catch {
            throw MessageAttributeError("--message-attributes is not JSON: \(error)")
        }
        guard case .object(let members) = parsed else {
            throw MessageAttributeError("--message-attributes is not a JSON object; write {\"name\": {\"DataType\": \"String\", \"StringValue\": \"value\"}}")
        }
        var attributes: OrderedDictionary<String, MessageAttribute> = [:]
        for (name, entry) in members {
            guard case .object(let fields) = entry else {
                throw MessageAttributeError("the attribute \"\(name)\" is not an object; write {\"DataType\": \"String\", \"StringValue\": \"value\"}")
            }
            guard case .string(let typeName)? = fields["DataType"] else {
                throw MessageAttributeError("the attribute \"\(name)\" has no \"DataType\" string; give String, Number, String.Array or Binary")
            }
            guard let type = DataType(named: typeName) else {
                throw MessageAttributeError("the attribute \"\(name)\" has the DataType \"\(typeName)\"; SNS takes String, Number, String.Array or Binary (optionally with a label, as Number.int)")
            }
            let field = type == .binary ? "BinaryValue" : "StringValue"
            guard case .string(let value)? = fields[field] else {
                throw MessageAttributeError("the attribute \"\(name)\" of type \(typeName) has no \"\(field)\" string; give its value as a string")
            }
            let attribute = MessageAttribute(type, value)
            if let problem = attribute.problem {
                throw MessageAttributeError("the attribute \"\(name)\": \(problem)")
            }
            attributes[name] = attribute
        }
        return attributes
    }

    /// An attribute written `NAME=VALUE[:Type]` (the type defaults to `String`; the last `:`
    /// followed by a type name gives the type, so `url=http://x` stays a string).
    public static func parse(_ text: String) throws -> (name: String, attribute: MessageAttribute) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw MessageAttributeError("'\(text)' is not NAME=VALUE[:Type]; write e.g. color=red or price=12.5:Number")
        }
        let name = String(text[..<equals])
        var value = String(text[text.index(after: equals)...])
        var type = DataType.string
        if let colon = value.lastIndex(of: ":"), let named = DataType(named: String(value[value.index(after: colon)...])) {
            type = named
            value = String(value[..<colon])
        }
        let attribute = MessageAttribute(type, value)
        if let problem = attribute.problem {
            throw MessageAttributeError("the attribute \"\(name)\": \(problem)")
        }
        return (name, attribute)
    }
}
