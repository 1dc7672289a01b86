import OrderedCollections

/// Replaces the references of a value tree — `Ref`, `GetAtt` and `Sub` placeholders — that
/// cross from one template of a split into another.
///
/// `replacement(id, attribute)` gives what stands for `Ref id` (attribute `nil`) or
/// `GetAtt id.attribute` in the template being written, or `nil` to keep the reference. In a
/// `Sub` template a replacement that is a `Ref` becomes that placeholder (`${Parameter}`);
/// any other gets a variable of the `Sub` (`${TopicArn}` with `TopicArn: !GetAtt …`).
struct ReferenceRewriter {
    let replacement: (String, String?) -> Value?

    func rewrite(_ value: Value) -> Value {
        switch value {
        case .string, .text, .int, .bool:
            return value
        case .ref(let id):
            return replacement(id, nil) ?? value
        case .getAtt(let id, let attribute):
            return replacement(id, attribute) ?? value
        case .list(let items):
            return .list(items.map(rewrite))
        case .map(let map):
            return .map(map.mapValues(rewrite))
        case .join(let delimiter, let items):
            return .join(delimiter, items.map(rewrite))
        case .function(let name, let argument):
            return .function(name, rewrite(argument))
        case .sub(let template, let variables):
            return rewriteSub(template, variables)
        }
    }

    private func rewriteSub(_ template: String, _ variables: OrderedDictionary<String, Value>) -> Value {
        var rewrittenVariables = variables.mapValues(rewrite)
        var result = ""
        var rest = template[...]
        while let open = rest.firstRange(of: "${") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else { break }
            result += rest[..<open.upperBound]
            let name = String(afterOpen[..<close])
            rest = afterOpen[close...]
            guard !name.isEmpty, !name.hasPrefix("!"), variables[name] == nil else {
                result += name
                continue
            }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            switch replacement(parts[0], parts.count > 1 ? parts[1] : nil) {
            case .ref(let parameter)?:
                result += parameter
            case let other?:
                var variable = ReferenceRewriter.alphanumeric(name)
                while let existing = rewrittenVariables[variable], existing != other { variable += "Value" }
                rewrittenVariables[variable] = other
                result += variable
            case nil:
                result += name
            }
        }
        result += rest
        return .sub(result, rewrittenVariables)
    }

    /// `name` with everything but ASCII letters and digits dropped: a valid logical ID,
    /// parameter, output or `Sub` variable name (`Topic.Arn` → `TopicArn`).
    static func alphanumeric(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }))
    }
}
