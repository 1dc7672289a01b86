extension JSONRenderer {
    /// The number of bytes ``render(_:)`` writes for `value`, computed from the value tree
    /// without building the text, so validation can measure a template it does not render.
    /// A test holds it equal to the rendering's length.
    public func byteCount(of value: Value) -> Int {
        // Unchecked, the count cannot throw.
        ((try? count(value, indent: 0, checked: false)) ?? 0) + (compact ? 0 : 1)
    }

    /// The bytes of `value`, which sits in `indent` arrays and objects. `checked`: refuse a
    /// container at the depth where writing it would be refused, before recursing into it.
    func count(_ value: Value, indent: Int, checked: Bool) throws(RenderError) -> Int {
        if checked, indent >= RenderError.depthLimit, Self.isContainer(value) {
            throw .tooDeep(limit: RenderError.depthLimit)
        }
        switch value {
        case .string(let string): return stringBytes(string)
        case .text(let text): return stringBytes(text.description)
        case .int(let int): return String(int).utf8.count
        case .bool(let bool): return bool ? 4 : 5
        case .list(let items):
            var content = 0
            for item in items { content += try count(item, indent: indent + 1, checked: checked) }
            return container(count: items.count, content: content, indent: indent)
        case .map(let map):
            let separator = compact ? 1 : 2
            var content = 0
            for (key, item) in map { content += try stringBytes(key) + separator + count(item, indent: indent + 1, checked: checked) }
            return container(count: map.count, content: content, indent: indent)
        // The two commonest intrinsics, counted without building their long form.
        case .ref(let id):
            let separator = compact ? 1 : 2
            return container(count: 1, content: stringBytes("Ref") + separator + stringBytes(id), indent: indent)
        case .getAtt(let id, let attribute):
            let separator = compact ? 1 : 2
            let list = container(count: 2, content: stringBytes(id) + stringBytes(attribute), indent: indent + 1)
            return container(count: 1, content: stringBytes("Fn::GetAtt") + separator + list, indent: indent)
        case .sub(let template, let variables):
            let argument: Value = variables.isEmpty ? .string(template) : .list([.string(template), .map(variables)])
            return try count(.map(["Fn::Sub": argument]), indent: indent, checked: checked)
        case .join(let delimiter, let items):
            return try count(.map(["Fn::Join": [.string(delimiter), .list(items)]]), indent: indent, checked: checked)
        case .function(let name, let argument):
            return try count(.map([name: argument]), indent: indent, checked: checked)
        }
    }

    /// Whether `value` is written as an array or object (every case but the plain scalars).
    private static func isContainer(_ value: Value) -> Bool {
        switch value {
        case .string, .text, .int, .bool: false
        case .list, .map, .ref, .getAtt, .sub, .join, .function: true
        }
    }

    /// Brackets around `count` elements of `content` bytes in all: `[a,b]` compact; otherwise
    /// one element a line, indented two spaces deeper than the brackets.
    private func container(count: Int, content: Int, indent: Int) -> Int {
        guard count > 0 else { return 2 }
        if compact { return 2 + content + count - 1 }
        // "[\n", then each element's indentation and ",\n" (the last "\n"), then the closing
        // bracket's indentation and "]".
        return 2 + count * (2 * (indent + 1)) + content + (count * 2 - 1) + 2 * indent + 1
    }

    private func stringBytes(_ string: String) -> Int {
        2 + Self.escapedByteCount(string)
    }

    /// The bytes `string` takes between its quotes: its UTF-8 bytes, each one JSON escapes
    /// counted as its escape. Equal to `string.utf8.count` when nothing needs escaping.
    static func escapedByteCount(_ string: String) -> Int {
        // Over the bytes in memory: iterating `utf8` costs several times as much per byte, and
        // every string of a template passes through here when its size is counted.
        if let count = string.utf8.withContiguousStorageIfAvailable(escapedByteCount) { return count }
        return Array(string.utf8).withUnsafeBufferPointer(escapedByteCount)
    }

    private static func escapedByteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = bytes.count
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09, 0x08, 0x0C: count += 1
            default: count += 5
            }
        }
        return count
    }
}
