import OrderedCollections
import YAML

extension ServiceReader {
    /// CloudFormation's intrinsic functions by their short tag (`!Select` is `Fn::Select`);
    /// `Ref` and `Condition` have no `Fn::` prefix.
    static let intrinsicTags: Set<String> = [
        "Ref", "GetAtt", "Sub", "Join", "Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Select",
        "Split", "Transform", "If", "Equals", "Not", "And", "Or", "Condition", "Length", "ToJsonString",
    ]

    private static let yamlString = "tag:yaml.org,2002:str"
    private static let yamlInt = "tag:yaml.org,2002:int"
    private static let yamlBool = "tag:yaml.org,2002:bool"

    // MARK: - Mappings and scalars

    /// The pairs of a mapping with their keys read as strings; a finding and `nil` when the
    /// node is not a mapping.
    func entries(_ node: Node, path: String) -> [Entry]? {
        guard case .mapping(let mapping) = node, mapping.tag == nil else {
            report(ImportCode.wrongShape, .error, "expected a mapping here, found \(Self.describe(node)); it is not imported",
                   path: path, at: node.mark)
            return nil
        }
        var entries: [Entry] = []
        var seen: [String: Mark?] = [:]
        for pair in mapping.pairs {
            guard let key = key(pair.key, path: path) else { continue }
            if let first = seen[key] {
                report(ImportCode.nonStringKey, .error,
                       "key \(key.debugDescription) repeats the key at line \(first?.line ?? 0) once both are read as strings; this one is not imported, rename or remove one",
                       path: Self.join(path, key), at: pair.key.mark)
                continue
            }
            seen[key] = pair.key.mark
            entries.append(Entry(key: key, keyMark: pair.key.mark, value: pair.value, path: Self.join(path, key)))
        }
        return entries
    }

    /// A key as a string. Plain keys YAML reads as numbers or booleans become their text (a
    /// warning); null keys and collections as keys are errors.
    private func key(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node, scalar.tag == nil || scalar.tag?.name == Self.yamlString else {
            report(ImportCode.nonStringKey, .error,
                   "a key that is \(Self.describe(node)) is not imported: serverless.yml and CloudFormation keys are strings",
                   path: path, at: node.mark)
            return nil
        }
        switch scalar.tag == nil ? scalar.resolvedKind : .string {
        case .string, .timestamp, .merge, .value, .tagged:
            return scalar.value
        case .null:
            report(ImportCode.nonStringKey, .error, "a null key is not imported: give the key a name",
                   path: path, at: node.mark)
            return nil
        case .int, .float, .bool:
            report(ImportCode.nonStringKey, .warning,
                   "key `\(scalar.value)` is a \(scalar.resolvedKind == .bool ? "boolean" : "number") to YAML readers; it is imported as the string \(scalar.value.debugDescription) and written quoted",
                   path: Self.join(path, scalar.value), at: node.mark)
            return scalar.value
        }
    }

    /// A setting that must be a string (variables allowed, kept as written).
    func string(_ entry: Entry) -> String? {
        switch value(entry.value, path: entry.path) {
        case .string(let string)?: return string
        case .text(let text)?: return text.description
        case nil: return nil
        default:
            report(ImportCode.wrongShape, .error, "`\(entry.key)` must be a string; it is not imported", path: entry.path, at: entry.value.mark)
            return nil
        }
    }

    /// A setting that must be an integer (a variable cannot stand in for it).
    /// A `logRetentionInDays` setting: one of the periods CloudWatch Logs accepts, or an error.
    func logRetention(_ entry: Entry) -> LogRetention? {
        guard let days = int(entry) else { return nil }
        guard let retention = LogRetention(rawValue: days) else {
            report(ImportCode.wrongShape, .error,
                   "`\(entry.key)` is \(days), a period CloudWatch Logs refuses; use one of \(LogRetention.allCases.map { String($0.days) }.joined(separator: ", ")); it is not imported",
                   path: entry.path, at: entry.value.mark)
            return nil
        }
        return retention
    }

    func int(_ entry: Entry) -> Int? {
        switch value(entry.value, path: entry.path) {
        case .int(let int)?: return int
        case nil: return nil
        default:
            report(ImportCode.wrongShape, .error,
                   "`\(entry.key)` must be a whole number written as one (Fanout checks it; a variable or a string cannot be checked); it is not imported",
                   path: entry.path, at: entry.value.mark)
            return nil
        }
    }

    /// The text of an untagged (or `!!str`) scalar that YAML reads as a string.
    func scalarString(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        if scalar.tag?.name == Self.yamlString { return scalar.value }
        guard scalar.tag == nil, scalar.resolvedKind == .string || scalar.resolvedKind == .timestamp else { return nil }
        return scalar.value
    }

    /// "a sequence", "the number 3", … for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .sequence: "a list"
        case .mapping(let mapping) where mapping.tag != nil: "a \(mapping.tag?.name ?? "") mapping"
        case .mapping: "a mapping"
        case .scalar(let scalar):
            switch scalar.resolvedKind {
            case .null: "null"
            case .tagged: "\(scalar.tag?.name ?? "") \(scalar.value)"
            default: "the scalar \(scalar.value.debugDescription)"
            }
        }
    }

    // MARK: - Merge keys

    /// The node with YAML merge keys (`<<: *base`) expanded: the merged mapping's pairs
    /// that the mapping does not set itself, after its own. Each merge is a note.
    func expandingMerges(_ node: Node, path: String) -> Node {
        switch node {
        case .scalar:
            return node
        case .sequence(var sequence):
            sequence.items = sequence.items.enumerated().map { expandingMerges($1, path: "\(path)[\($0)]") }
            return .sequence(sequence)
        case .mapping(var mapping):
            var own: [Node.Mapping.Pair] = []
            var merged: [Node.Mapping.Pair] = []
            for pair in mapping.pairs {
                let childPath = Self.join(path, pair.key.scalarValue ?? "?")
                guard case .scalar(let key) = pair.key, key.tag == nil, key.style == .plain, key.value == "<<" else {
                    own.append(Node.Mapping.Pair(pair.key, expandingMerges(pair.value, path: childPath)))
                    continue
                }
                let sources: [Node]
                switch pair.value {
                case .mapping: sources = [pair.value]
                case .sequence(let list): sources = list.items
                default: sources = []
                }
                guard !sources.isEmpty, sources.allSatisfy({ if case .mapping = $0 { true } else { false } }) else {
                    report(ImportCode.mergeKey, .error, "`<<` must merge a mapping or a list of mappings; it is not imported",
                           path: childPath, at: pair.key.mark)
                    continue
                }
                report(ImportCode.mergeKey, .note, "the merge key `<<` is expanded: the output repeats the merged keys",
                       path: childPath, at: pair.key.mark)
                for case .mapping(let source) in sources {
                    if case .mapping(let expanded) = expandingMerges(.mapping(source), path: path) {
                        merged += expanded.pairs
                    }
                }
            }
            var pairs = own
            for pair in merged where !pairs.contains(where: { $0.key == pair.key }) {
                pairs.append(pair)
            }
            mapping.pairs = pairs
            return .mapping(mapping)
        }
    }

    // MARK: - Values

    /// The node as a ``Value``: scalars, lists and maps, intrinsic functions in short
    /// (`!GetAtt Q.Arn`) or long (`Fn::GetAtt: [Q, Arn]`) form, and strings with `${…}`
    /// variables as ``Text``. `nil` (with a finding) for what a value cannot hold.
    func value(_ node: Node, path: String) -> Value? {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, path: path)
        case .sequence(let sequence):
            if let tag = sequence.tag {
                return intrinsic(tag, node, path: path)
            }
            return .list(sequence.items.enumerated().compactMap { value($1, path: "\(path)[\($0)]") })
        case .mapping(let mapping):
            if let tag = mapping.tag {
                return intrinsic(tag, node, path: path)
            }
            if mapping.pairs.count == 1, let name = mapping.pairs[0].key.scalarValue,
               name == "Ref" || name.hasPrefix("Fn::"), mapping.pairs[0].key.tag == nil
            {
                // The long form of an intrinsic: `{Ref: X}`, `{Fn::GetAtt: [X, Arn]}`.
                let short = name == "Ref" ? "Ref" : String(name.dropFirst(4))
                guard Self.intrinsicTags.contains(short) else {
                    report(ImportCode.unknownTag, .error, "`\(name)` is not a CloudFormation intrinsic function; it is not imported",
                           path: path, at: mapping.pairs[0].key.mark)
                    return nil
                }
                return intrinsic(Tag("!" + short), mapping.pairs[0].value, path: Self.join(path, name), untagged: true)
            }
            guard let pairs = entries(node, path: path) else { return nil }
            var map: OrderedDictionary<String, Value> = [:]
            for entry in pairs {
                if let item = value(entry.value, path: entry.path) { map[entry.key] = item }
            }
            return .map(map)
        }
    }

    private func scalarValue(_ scalar: Node.Scalar, path: String) -> Value? {
        let mark = scalar.mark
        switch scalar.tag?.name {
        case nil:
            break
        case Self.yamlString?:
            return Text(stringLiteral: scalar.value).value
        case Self.yamlInt?:
            if let int = Int(scalar.value) { return .int(int) }
        case Self.yamlBool?:
            if let bool = Bool(scalar.value.lowercased()) { return .bool(bool) }
        case let tag?:
            return intrinsic(Tag(tag), .scalar(scalar), path: path)
        }
        if scalar.tag != nil {
            report(ImportCode.unknownTag, .error, "`\(scalar.tag?.name ?? "") \(scalar.value)` is not imported: the text does not fit its tag",
                   path: path, at: mark)
            return nil
        }
        guard scalar.style == .plain else { return Text(stringLiteral: scalar.value).value }
        switch scalar.resolvedKind {
        case .int:
            if scalar.value.wholeMatch(of: /[-+]?(0|[1-9][0-9]*)/) != nil, let int = Int(scalar.value) { return .int(int) }
            report(ImportCode.ambiguousScalar, .warning,
                   "`\(scalar.value)` is a number to YAML 1.1 readers and may be another number or a string to YAML 1.2 readers (the Serverless Framework); it is imported as the string \(scalar.value.debugDescription) and written quoted; write the number in decimal if a number is meant",
                   path: path, at: mark)
            return .string(scalar.value)
        case .bool:
            if ["true", "True", "TRUE"].contains(scalar.value) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(scalar.value) { return .bool(false) }
            report(ImportCode.ambiguousScalar, .warning,
                   "`\(scalar.value)` is a boolean to YAML 1.1 readers and a string to YAML 1.2 readers (the Serverless Framework); it is imported as the string \(scalar.value.debugDescription) and written quoted; write true or false if a boolean is meant",
                   path: path, at: mark)
            return .string(scalar.value)
        case .float:
            report(ImportCode.floatAsString, .warning,
                   "`\(scalar.value)` is a floating-point number, which Fanout's values cannot hold; it is imported as the string \(scalar.value.debugDescription) and written quoted (CloudFormation reads numbers from strings)",
                   path: path, at: mark)
            return .string(scalar.value)
        case .null:
            report(ImportCode.nullValue, .warning,
                   "a null value is left out of the import (CloudFormation and the Serverless Framework ignore it); remove it, or give it a value",
                   path: path, at: mark)
            return nil
        case .string, .timestamp, .merge, .value, .tagged:
            return Text(stringLiteral: scalar.value).value
        }
    }

    /// A node tagged with an intrinsic function (`!Ref X`), or the argument of its long form
    /// (`untagged`: the node's own tag, if any, belongs to the argument).
    private func intrinsic(_ tag: Tag, _ node: Node, path: String, untagged: Bool = false) -> Value? {
        let short = tag.name.hasPrefix("!") ? String(tag.name.dropFirst()) : tag.name
        guard Self.intrinsicTags.contains(short) else {
            report(ImportCode.unknownTag, .error,
                   "the tag `\(tag.name)` is not a CloudFormation intrinsic function (`!Ref`, `!GetAtt`, `!Sub`, …); the value is not imported",
                   path: path, at: node.mark)
            return nil
        }
        // The argument as a plain value: the node without the tag that named the function.
        let argumentNode: Node
        if untagged {
            argumentNode = node
        } else {
            switch node {
            case .scalar(var scalar): scalar.tag = nil; scalar.style = scalar.style == .plain ? .singleQuoted : scalar.style
                argumentNode = .scalar(scalar)
            case .sequence(var sequence): sequence.tag = nil; argumentNode = .sequence(sequence)
            case .mapping(var mapping): mapping.tag = nil; argumentNode = .mapping(mapping)
            }
        }
        guard let argument = value(argumentNode, path: path) else { return nil }
        let malformed = { (form: String) -> Value? in
            self.report(ImportCode.unknownTag, .error, "malformed `\(short)`: write it as \(form); the value is not imported",
                        path: path, at: node.mark)
            return nil
        }
        switch short {
        case "Ref":
            guard let id = Self.plainString(argument) else { return malformed("`!Ref LogicalId`") }
            return .ref(id)
        case "GetAtt":
            if let dotted = Self.plainString(argument), let dot = dotted.firstIndex(of: ".") {
                return .getAtt(String(dotted[..<dot]), String(dotted[dotted.index(after: dot)...]))
            }
            if case .list(let items) = argument, items.count == 2,
               let id = Self.plainString(items[0]), let attribute = Self.plainString(items[1]) {
                return .getAtt(id, attribute)
            }
            return malformed("`!GetAtt LogicalId.Attribute` or `[LogicalId, Attribute]`")
        case "Sub":
            if let template = Self.plainString(argument) { return .sub(template) }
            if case .list(let items) = argument, items.count == 2, let template = Self.plainString(items[0]),
               case .map(let variables) = items[1] {
                return .sub(template, variables)
            }
            return malformed("`!Sub 'text'` or `!Sub ['text', {Name: value}]`")
        case "Join":
            if case .list(let items) = argument, items.count == 2, let delimiter = Self.plainString(items[0]),
               case .list(let parts) = items[1], case .sequence(let outer) = argumentNode, outer.items.count == 2,
               outer.items[1].tag == nil {
                return .join(delimiter, parts)
            }
            return .function("Fn::Join", argument)
        case "Condition":
            return .function("Condition", argument)
        default:
            return .function("Fn::" + short, argument)
        }
    }

    /// The string of a plain string value; a text with variables is its description.
    static func plainString(_ value: Value) -> String? {
        switch value {
        case .string(let string): string
        case .text(let text): text.description
        default: nil
        }
    }
}
