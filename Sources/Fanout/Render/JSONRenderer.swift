/// Renders a value tree as JSON with two-space indentation and map order kept, intrinsic
/// functions in their long form (`{"Ref": …}`, `{"Fn::GetAtt": [id, attribute]}`).
public struct JSONRenderer: Sendable {
    /// Without line breaks and indentation, for measuring what AWS counts.
    public var compact: Bool

    public init(compact: Bool = false) {
        self.compact = compact
    }

    /// The JSON text of `value`, ending in one newline (compact: no newline at all).
    ///
    /// Throws ``RenderError/tooDeep(limit:)`` for a value nested deeper than
    /// ``RenderError/depthLimit`` (``Value/nestingDepth``): readers refuse such a document.
    public func render(_ value: Value) throws(RenderError) -> String {
        var output = ""
        try write(value, indent: 0, to: &output)
        if !compact { output += "\n" }
        return output
    }

    /// Writes `value`, which sits in `indent` arrays and objects. Every container checks the
    /// depth before it recurses, so the recursion stops at the limit.
    private func write(_ value: Value, indent: Int, to output: inout String) throws(RenderError) {
        switch value {
        case .string(let string):
            writeString(string, to: &output)
        case .text(let text):
            writeString(text.description, to: &output)
        case .int(let int):
            output += String(int)
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .list(let items):
            try writeContainer("[", "]", items, indent: indent, to: &output) { item, output throws(RenderError) in
                try write(item, indent: indent + 1, to: &output)
            }
        case .map(let map):
            try writeContainer("{", "}", Array(map), indent: indent, to: &output) { pair, output throws(RenderError) in
                writeString(pair.key, to: &output)
                output += compact ? ":" : ": "
                try write(pair.value, indent: indent + 1, to: &output)
            }
        case .ref(let id):
            try write(.map(["Ref": .string(id)]), indent: indent, to: &output)
        case .getAtt(let id, let attribute):
            try write(.map(["Fn::GetAtt": [.string(id), .string(attribute)]]), indent: indent, to: &output)
        case .sub(let template, let variables):
            let argument: Value = variables.isEmpty
                ? .string(template) : .list([.string(template), .map(variables)])
            try write(.map(["Fn::Sub": argument]), indent: indent, to: &output)
        case .join(let delimiter, let items):
            try write(.map(["Fn::Join": [.string(delimiter), .list(items)]]), indent: indent, to: &output)
        case .function(let name, let argument):
            try write(.map([name: argument]), indent: indent, to: &output)
        }
    }

    private func writeContainer<Element>(
        _ open: String, _ close: String, _ elements: [Element], indent: Int,
        to output: inout String, element writeElement: (Element, inout String) throws(RenderError) -> Void
    ) throws(RenderError) {
        // The container is level indent + 1.
        guard indent < RenderError.depthLimit else { throw .tooDeep(limit: RenderError.depthLimit) }
        guard !elements.isEmpty else {
            output += open + close
            return
        }
        if compact {
            output += open
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                try writeElement(element, &output)
            }
            output += close
            return
        }
        let inner = String(repeating: "  ", count: indent + 1)
        output += open + "\n"
        for (index, element) in elements.enumerated() {
            output += inner
            try writeElement(element, &output)
            output += index == elements.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: "  ", count: indent) + close
    }

    private func writeString(_ string: String, to output: inout String) {
        // Most strings need no escaping: copy them whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += "\"" + string + "\""
            return
        }
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
