import OrderedCollections

/// A JSON value as a message or a filter policy holds it: objects keep their key order,
/// numbers keep the text they were written as (for messages) next to their value.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number: its value and its text as written (`3.015e2`).
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object(OrderedDictionary<String, JSONValue>)

    /// The object's members, if it is one.
    public var objectValue: OrderedDictionary<String, JSONValue>? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A short JSON spelling, for messages.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let bool): String(bool)
        case .number(_, let text): text
        case .string(let string): JSONValue.quote(string)
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.map { "\(JSONValue.quote($0.key)): \($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }

    /// `string` as a JSON string literal.
    static func quote(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A filter policy written in the DSL as JSON, or `nil` when part of it is known only at
    /// deploy time (an intrinsic function or a Serverless variable), which cannot be evaluated.
    public init?(_ value: Value) {
        switch value {
        case .string(let string): self = .string(string)
        case .int(let int): self = .number(Double(int), text: String(int))
        case .bool(let bool): self = .bool(bool)
        case .list(let items):
            var converted: [JSONValue] = []
            for item in items {
                guard let json = JSONValue(item) else { return nil }
                converted.append(json)
            }
            self = .array(converted)
        case .map(let map):
            guard !value.isLongFormIntrinsic else { return nil }
            var members: OrderedDictionary<String, JSONValue> = [:]
            for (key, item) in map {
                guard let json = JSONValue(item) else { return nil }
                members[key] = json
            }
            self = .object(members)
        case .text, .ref, .getAtt, .sub, .join, .function:
            return nil
        }
    }
}
