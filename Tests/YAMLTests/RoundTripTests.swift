import Testing
import YAML

/// Emitting and parsing back gives the same nodes.
struct RoundTripTests {
    /// Strings that are easy to write wrongly: YAML 1.1 and 1.2 non-strings, indicators,
    /// quotes, spaces, line breaks, tabs, control characters and non-ASCII text.
    static let awkward: [String] = [
        "yes", "No", "on", "OFF", "y", "n", "Y", "N", "true", "null", "NULL", "~", "yEs", "nO",
        "0123", "012345678901", "1e3", "0x1F", "0o17", ".inf", ".Inf", "-.inf", ".NaN", "2012-10-17",
        "2001-12-14t21:59:43.10-05:00", "12:30", "190:20:30", "0b101", "+1", "-1", "1_000", "1.5",
        "+1E-5", "=", "<<", "YES", "Off",
        "-", ":", "?", "x #x", "#x", "x#x", "a: b", "a:", "*x", "&a", "!x", "!", "|", ">", "@x", "%x", "`x",
        "-x", "- x", "? x", ": x", "[x]", "{x}", "x,y", "[", "]", "{", "}", ",", "'", "\"", "\\", "''",
        "\"x\"", "it's", "---", "...", "--- x", "key: value # comment", "http://example.com/a?b=c#d",
        "${self:service}-${sls:stage}", "arn:${AWS::Partition}:sqs:*", "AWS::SQS::Queue",
        "", " ", "  ", " leading", "trailing ", " both ", "a  b",
        "line\nbreak", "trailing newline\n", "two trailing\n\n", "blank\n\nlines", "\n", "\n\n",
        "\nleading break", "  indented\n  lines\n", "a\n  b\n", "a \nb", "a\n \nb", " a\nb ",
        "---\n...\n", "# not a comment\nx: y\n", "a\r\nb", "a\rb", "a\u{85}b", "a\u{2028}b",
        "tab\there", "\t", "\tlead", "trail\t", "multi\tline\nwith\ttabs\n",
        "é", "日本", "😀", "emoji 😀 in text", "\u{FEFF}bom", "nbsp\u{A0}", "\u{0}", "bell\u{7}",
        String(repeating: "long ", count: 40),
    ]

    @Test(arguments: awkward)
    func scalarDocument(_ text: String) throws {
        let yaml = try Emitter.emit(.string(text))
        let parsed = try Parser.parse(yaml)
        #expect(parsed == .string(text), "emitted \(yaml.debugDescription)")
        #expect(parsed.scalarValue == text)
        if case .scalar(let scalar) = parsed {
            #expect(scalar.resolvedKind == .string, "emitted \(yaml.debugDescription)")
        } else {
            Issue.record("not a scalar: \(parsed)")
        }
        #expect(yaml.hasSuffix("\n") && !yaml.hasSuffix("\n\n"), "emitted \(yaml.debugDescription)")
    }

    @Test func awkwardKeysAndValuesInAMapping() throws {
        var mapping = Node.Mapping()
        for text in Self.awkward { mapping.append(text, .string(text)) }
        let node = Node.mapping(mapping)
        let parsed = try Parser.parse(Emitter.emit(node))
        #expect(parsed == node)
        guard case .mapping(let read) = parsed else {
            Issue.record("not a mapping")
            return
        }
        for pair in read.pairs {
            for scalar in [pair.key, pair.value] {
                if case .scalar(let scalar) = scalar { #expect(scalar.resolvedKind == .string) }
            }
        }
    }

    @Test(arguments: [false, true])
    func awkwardItemsInASequence(flow: Bool) throws {
        let node = Node.sequence(Node.Sequence(Self.awkward.map(Node.string), flow: flow))
        #expect(try Parser.parse(Emitter.emit(node)) == node)
    }

    @Test func awkwardKeysAndValuesInAFlowMapping() throws {
        let pairs = Self.awkward.map { Node.Mapping.Pair(.string($0), .string($0)) }
        let node = Node.mapping(Node.Mapping(pairs, flow: true))
        #expect(try Parser.parse(Emitter.emit(node)) == node)
    }

    @Test(arguments: [Node.Scalar.Style.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    func explicitStylesKeepTheText(style: Node.Scalar.Style) throws {
        for text in Self.awkward {
            let scalar = Node.Scalar(text, style: style)
            let yaml = try Emitter.emit(.mapping(Node.Mapping([Node.Mapping.Pair(.string("k"), .scalar(scalar))])))
            let value = try Parser.parse(yaml)["k"]
            if style == .plain {
                // Written plain when it can be, so it may resolve to a non-string: compare text.
                #expect(value?.scalarValue == text, "\(yaml.debugDescription)")
            } else {
                #expect(value == .string(text), "\(yaml.debugDescription)")
            }
        }
    }

    @Test func taggedScalarsKeepTagAndText() throws {
        let items = Self.awkward.map { Node.tagged("!Sub", $0) }
        let node = Node.sequence(Node.Sequence(items))
        let parsed = try Parser.parse(Emitter.emit(node))
        #expect(parsed == node)
    }

    @Test func plainNumbersAndBooleansStayTyped() throws {
        let node = Node.mapping(Node.Mapping([
            "int": .int(60), "negative": .int(-3), "bool": .bool(false),
            "string": .string("60"), "null": .scalar(Node.Scalar("~", style: .plain)),
        ]))
        let parsed = try Parser.parse(Emitter.emit(node))
        #expect(parsed == node)
        if case .scalar(let scalar) = parsed["int"] { #expect(scalar.resolvedKind == .int) }
        if case .scalar(let scalar) = parsed["string"] { #expect(scalar.resolvedKind == .string) }
        if case .scalar(let scalar) = parsed["null"] { #expect(scalar.resolvedKind == .null) }
    }

    @Test func nestedCollectionsWithTags() throws {
        let node = Node.mapping(Node.Mapping([
            "Join": .sequence(Node.Sequence([
                .string(""), .sequence(Node.Sequence([.string("arn:"), .tagged("!Ref", "AWS::Partition")])),
            ], tag: "!Join")),
            "If": .sequence(Node.Sequence([.string("IsProd"), .int(1), .int(0)], tag: "!If", flow: true)),
            "Tagged": .mapping(Node.Mapping(["a": .string("b")], tag: "!Custom")),
            "EmptySequence": .sequence(Node.Sequence([])),
            "EmptyMapping": .mapping(Node.Mapping()),
            "TaggedEmpty": .sequence(Node.Sequence([], tag: "!Empty")),
            "Deep": .sequence(Node.Sequence([.sequence(Node.Sequence([.mapping(Node.Mapping(["x": .sequence(Node.Sequence([.string("y")]))]))]))])),
        ]))
        let parsed = try Parser.parse(Emitter.emit(node))
        #expect(parsed == node)
        #expect(try Emitter.emit(parsed) == Emitter.emit(node))
    }

    @Test func collectionKeys() throws {
        let node = Node.mapping(Node.Mapping([
            Node.Mapping.Pair(.sequence(Node.Sequence([.string("a"), .string("b")], flow: true)), .string("seq")),
            Node.Mapping.Pair(.mapping(Node.Mapping(["k": .string("v")])), .string("map")),
            Node.Mapping.Pair(.string(String(repeating: "k", count: 200)), .string("long key")),
        ]))
        #expect(try Parser.parse(Emitter.emit(node)) == node)
    }

    @Test func severalDocuments() throws {
        let documents: [Node] = [
            .mapping(Node.Mapping(["a": .int(1)])), .string("two\n\n"), .sequence(Node.Sequence([.string("3")])),
        ]
        #expect(try Parser.parseAll(Emitter.emit(documents: documents)) == documents)
    }

    @Test func nestingUpToTheLimit() throws {
        var node = Node.string("core")
        for level in 0..<(Parser.maxDepth - 1) {
            node = level.isMultiple(of: 2)
                ? .sequence(Node.Sequence([node]))
                : .mapping(Node.Mapping(["k": node]))
        }
        #expect(try Parser.parse(Emitter.emit(node)) == node)
    }
}
