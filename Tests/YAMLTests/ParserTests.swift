import Testing
import YAML

struct ParserTests {
    private func scalar(_ node: Node?) -> Node.Scalar? {
        if case .scalar(let scalar) = node { return scalar }
        return nil
    }

    @Test func tagsAreKept() throws {
        let node = try Parser.parse("""
            a: !Ref Queue
            b: !GetAtt Queue.Arn
            c: !!str 1
            d: !Sub 'arn:${AWS::Partition}:sqs:${AWS::Region}'
            e: !<tag:example.com,2024:x> y
            """)
        #expect(node["a"] == .tagged("!Ref", "Queue"))
        #expect(node["b"] == .tagged("!GetAtt", "Queue.Arn"))
        #expect(node["c"]?.tag == "tag:yaml.org,2002:str")
        #expect(scalar(node["d"])?.tag == "!Sub")
        #expect(scalar(node["d"])?.style == .singleQuoted)
        #expect(node["d"]?.scalarValue == "arn:${AWS::Partition}:sqs:${AWS::Region}")
        #expect(node["e"]?.tag == "tag:example.com,2024:x")
        #expect(scalar(node["a"])?.resolvedKind == .tagged)
    }

    @Test func stylesAreKept() throws {
        let node = try Parser.parse("""
            plain: x
            single: 'x'
            double: "x"
            literal: |
              x
            folded: >
              x
              y
            flowSeq: [a, b]
            flowMap: {a: b}
            blockSeq:
            - a
            """)
        #expect(scalar(node["plain"])?.style == .plain)
        #expect(scalar(node["single"])?.style == .singleQuoted)
        #expect(scalar(node["double"])?.style == .doubleQuoted)
        #expect(scalar(node["literal"])?.style == .literal)
        #expect(node["literal"]?.scalarValue == "x\n")
        #expect(scalar(node["folded"])?.style == .folded)
        #expect(node["folded"]?.scalarValue == "x y\n")
        guard case .sequence(let flowSeq) = node["flowSeq"], case .mapping(let flowMap) = node["flowMap"],
              case .sequence(let blockSeq) = node["blockSeq"], case .mapping(let root) = node
        else {
            Issue.record("unexpected shape: \(node)")
            return
        }
        #expect(flowSeq.flow && flowMap.flow)
        #expect(!blockSeq.flow && !root.flow)
    }

    @Test func marksAreOneBased() throws {
        let node = try Parser.parse("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Tags: [a, "b"]
            """)
        guard case .mapping(let root) = node,
              case .mapping(let resources) = node["Resources"],
              case .mapping(let queue) = resources.pairs.first?.value,
              case .sequence(let tags) = queue["Tags"]
        else {
            Issue.record("unexpected shape: \(node)")
            return
        }
        #expect(root.mark == Mark(line: 1, column: 1))
        #expect(root.pairs[0].key.mark == Mark(line: 1, column: 1))
        #expect(resources.mark == Mark(line: 2, column: 3))
        #expect(queue.pairs[0].key.mark == Mark(line: 3, column: 5))
        #expect(queue.pairs[0].value.mark == Mark(line: 3, column: 11))
        #expect(tags.mark == Mark(line: 4, column: 11))
        #expect(tags.items[1].mark == Mark(line: 4, column: 15))
    }

    @Test func emptyInputIsAnEmptyPlainScalar() throws {
        for text in ["", "# only a comment\n", "\n\n"] {
            let node = try Parser.parse(text)
            #expect(node == .scalar(Node.Scalar("", style: .plain)))
            #expect(scalar(node)?.resolvedKind == .null)
        }
        #expect(try Parser.parseAll("") == [])
    }

    @Test func serverlessShapes() throws {
        let node = try Parser.parse("""
            service: fanout
            provider:
              name: aws
              environment:
                QUEUE_URL: !Ref ProcessingQueueOne
                TOPIC: !Join ['', ['arn:', !Ref 'AWS::Partition', ':sns']]
                SUB: !Sub 'arn:${AWS::Partition}:x'
            functions:
              worker:
                events:
                  - sqs:
                      arn: !GetAtt ProcessingQueueOne.Arn
                      batchSize: 10
            resources:
              Conditions:
                IsProd: !Equals [!Ref Stage, {Fn::Sub: prod}]
            """)
        let environment = node["provider"]?["environment"]
        #expect(environment?["QUEUE_URL"] == .tagged("!Ref", "ProcessingQueueOne"))
        #expect(environment?["SUB"] == .tagged("!Sub", "arn:${AWS::Partition}:x"))
        let join = Node.sequence(Node.Sequence([
            .string(""),
            .sequence(Node.Sequence([.string("arn:"), .tagged("!Ref", "AWS::Partition"), .string(":sns")])),
        ], tag: "!Join"))
        #expect(environment?["TOPIC"] == join)
        guard case .sequence(let events) = node["functions"]?["worker"]?["events"] else {
            Issue.record("no events")
            return
        }
        #expect(events.items.first?["sqs"]?["arn"] == .tagged("!GetAtt", "ProcessingQueueOne.Arn"))
        #expect(events.items.first?["sqs"]?["batchSize"] == .int(10))
        let equals = Node.sequence(Node.Sequence([
            .tagged("!Ref", "Stage"), .mapping(Node.Mapping(["Fn::Sub": .scalar(Node.Scalar("prod", style: .plain))])),
        ], tag: "!Equals"))
        #expect(node["resources"]?["Conditions"]?["IsProd"] == equals)
    }

    @Test func aliasesAreCopies() throws {
        let node = try Parser.parse("""
            base: &base {a: 1, b: [x, y]}
            copy: *base
            name: &n hello
            again: *n
            """)
        #expect(node["copy"] == node["base"])
        #expect(node["again"] == .string("hello"))
    }

    @Test func duplicateKeys() {
        expectError("a: 1\nb: 2\na: 3\n", at: "3:1", containing: "duplicate key \"a\" (first defined at line 1)")
        expectError("{x: 1, y: 2, x: 3}", at: "1:14", containing: "duplicate key \"x\"")
        // The first key is the alias on line 2, not the anchored value on line 1.
        expectError("a: &k key\n*k : 2\nkey: 3\n", at: "3:1", containing: "first defined at line 2")
        expectError("? [a, b]\n: 1\n? [a, b]\n: 2\n", at: "3:3", containing: "duplicate key (a sequence)")
        expectError("? |\n  two\n  lines\n: 1\n\"two\\nlines\\n\": 2\n", at: "5:1", containing: #"duplicate key "two\nlines\n""#)
    }

    @Test func keysOfDifferentKindsAreNotDuplicates() throws {
        // The integer 1 and the string "1" are different keys for a YAML 1.1 reader.
        let node = try Parser.parse("1: int\n'1': string\n")
        guard case .mapping(let mapping) = node else {
            Issue.record("not a mapping")
            return
        }
        #expect(mapping.pairs.count == 2)
    }

    @Test func severalDocuments() throws {
        let documents = try Parser.parseAll("a: 1\n---\nb: 2\n...\n--- c\n")
        #expect(documents.count == 3)
        #expect(documents[2] == .string("c"))
        expectError("a: 1\n---\nb: 2\n", at: "2:1", containing: "expected a single document")
    }

    @Test func aliasBombIsRefused() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let items = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(items)]\n"
            previous = name
        }
        expectError(text, at: "6:", containing: "more than 1000000 nodes")
    }

    @Test func recursiveAliasIsRefused() {
        expectError("a: &a [x, *a]\n", at: "1:11", containing: "inside the node its anchor names")
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000)
        expectError(text, at: "1:\(Parser.maxDepth + 1)", containing: "deeper than \(Parser.maxDepth)")
        let deep = String(repeating: "- ", count: 600) + "x\n"
        expectError(deep, at: "1:", containing: "deeper than")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let node = try Parser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\nc: d\n".utf8))
        #expect(node["c"] == .string("d"))
        #expect(node["c"]?.mark == Mark(line: 2, column: 4))
    }
}
