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
        // Bytes, not a String: appending to an array is cheaper, and the text is made once.
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        try write(value, indent: 0, to: &output)
        if !compact { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes `value`, which sits in `indent` arrays and objects. Every container checks the
    /// depth before it recurses, so the recursion stops at the limit.
    private func write(_ value: Value, indent: Int, to output: inout [UInt8]) throws(RenderError) {
        switch value {
        case .string(let string):
            writeString(string, to: &output)
        case .text(let text):
            writeString(text.description, to: &output)
        case .int(let int):
            output.append(contentsOf: String(int).utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .list(let items):
            try writeContainer(UInt8(ascii: "["), UInt8(ascii: "]"), items, indent: indent, to: &output) { item, output throws(RenderError) in
                try write(item, indent: indent + 1, to: &output)
            }
        case .map(let map):
            try writeContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), map.elements, indent: indent, to: &output) { pair, output throws(RenderError) in
                writeString(pair.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if !compact { output.append(UInt8(ascii: " ")) }
                try write(pair.value, indent: indent + 1, to: &output)
            }
        // The two commonest intrinsics, written without building their long form.
        case .ref(let id):
            try writeContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), CollectionOfOne(id), indent: indent, to: &output) { id, output in
                writeString("Ref", to: &output)
                output.append(UInt8(ascii: ":"))
                if !compact { output.append(UInt8(ascii: " ")) }
                writeString(id, to: &output)
            }
        case .getAtt(let id, let attribute):
            try writeContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), CollectionOfOne(id), indent: indent, to: &output) { id, output throws(RenderError) in
                writeString("Fn::GetAtt", to: &output)
                output.append(UInt8(ascii: ":"))
                if !compact { output.append(UInt8(ascii: " ")) }
                try writeContainer(UInt8(ascii: "["), UInt8(ascii: "]"), [id, attribute], indent: indent + 1, to: &output) { part, output in
                    writeString(part, to: &output)
                }
            }
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

    private func writeContainer<Elements: Collection>(
        _ open: UInt8, _ close: UInt8, _ elements: Elements, indent: Int,
        to output: inout [UInt8], element writeElement: (Elements.Element, inout [UInt8]) throws(RenderError) -> Void
    ) throws(RenderError) {
        // The container is level indent + 1.
        guard indent < RenderError.depthLimit else { throw .tooDeep(limit: RenderError.depthLimit) }
        guard !elements.isEmpty else {
            output.append(open)
            output.append(close)
            return
        }
        if compact {
            output.append(open)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try writeElement(element, &output)
            }
            output.append(close)
            return
        }
        let last = elements.count - 1
        output.append(open)
        output.append(UInt8(ascii: "\n"))
        for (index, element) in elements.enumerated() {
            Self.indent(indent + 1, to: &output)
            try writeElement(element, &output)
            if index != last { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\n"))
        }
        Self.indent(indent, to: &output)
        output.append(close)
    }

    /// Two spaces per level.
    private static func indent(_ level: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: "\\\"".utf8)
            case "\\": output.append(contentsOf: "\\\\".utf8)
            case "\n": output.append(contentsOf: "\\n".utf8)
            case "\r": output.append(contentsOf: "\\r".utf8)
            case "\t": output.append(contentsOf: "\\t".utf8)
            case "\u{08}": output.append(contentsOf: "\\b".utf8)
            case "\u{0C}": output.append(contentsOf: "\\f".utf8)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default:
                output.append(contentsOf: String(scalar).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
