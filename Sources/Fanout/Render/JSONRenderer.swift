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
        // Measured first (the depth checked on the way down, as writing checks it), then
        // written once into a string of exactly that size: no buffer growing by doubling and
        // no copy of the whole text into a string, which at 10,000 consumers held 60 MB
        // twice over.
        let size = try count(value, indent: 0, checked: true) + (compact ? 0 : 1)
        if #available(macOS 11, iOS 14, tvOS 14, watchOS 7, *) {
            var complete = true
            var failure: RenderError?
            let text = String(unsafeUninitializedCapacity: size) { buffer in
                var output = ByteWriter(into: buffer)
                do throws(RenderError) {
                    try write(value, indent: 0, to: &output)
                } catch {
                    failure = error
                    return 0
                }
                if !compact { output.append(UInt8(ascii: "\n")) }
                complete = !output.overflowed && output.count == size
                return output.count
            }
            if let failure { throw failure }
            // The count and the writer disagree only through a bug: then the growing buffer.
            if complete { return text }
        }
        var output = ByteWriter(growingFrom: size)
        try write(value, indent: 0, to: &output)
        if !compact { output.append(UInt8(ascii: "\n")) }
        return output.string()
    }

    /// Writes `value`, which sits in `indent` arrays and objects. Every container checks the
    /// depth before it recurses, so the recursion stops at the limit.
    private func write(_ value: Value, indent: Int, to output: inout ByteWriter) throws(RenderError) {
        switch value {
        case .string(let string):
            writeString(string, to: &output)
        case .text(let text):
            writeString(text.description, to: &output)
        case .int(let int):
            output.append(String(int))
        case .bool(let bool):
            output.append(bool ? "true" : "false")
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
        to output: inout ByteWriter, element writeElement: (Elements.Element, inout ByteWriter) throws(RenderError) -> Void
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
    private static func indent(_ level: Int, to output: inout ByteWriter) {
        output.append(repeating: UInt8(ascii: " "), count: 2 * level)
    }

    private func writeString(_ string: String, to output: inout ByteWriter) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole.
        if Self.escapedByteCount(string) == string.utf8.count {
            output.append(string)
            output.append(UInt8(ascii: "\""))
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                output.append(String(scalar))
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
