import Testing
import YAML

struct EmitterTests {
    /// A CloudFormation-like document exercising every kind of node.
    static let document = Node.mapping(Node.Mapping([
        "Version": .string("2012-10-17"),
        "Count": .int(3),
        "Enabled": .bool(true),
        "Answer": .string("yes"),
        "Resources": .mapping(Node.Mapping([
            "ProcessingQueueOne": .mapping(Node.Mapping([
                "Type": .string("AWS::SQS::Queue"),
                "Properties": .mapping(Node.Mapping([
                    "DelaySeconds": .int(60),
                    "QueueName": .string("${self:service}-one"),
                ])),
            ])),
        ])),
        "Statement": .sequence(Node.Sequence([
            .mapping(Node.Mapping([
                "Effect": .string("Allow"),
                "Resource": .tagged("!GetAtt", "ProcessingQueueOne.Arn"),
            ])),
            .tagged("!Ref", "Topic"),
        ])),
        "Arn": .sequence(Node.Sequence([
            .string(""),
            .sequence(Node.Sequence([.string("arn:"), .tagged("!Ref", "AWS::Partition")])),
        ], tag: "!Join")),
        "Subscription": .mapping(Node.Mapping(["Protocol": .string("sqs")], tag: "!Custom")),
        "Flow": .sequence(Node.Sequence([.string("a"), .string("no"), .int(1)], flow: true)),
        "Empty": .sequence(Node.Sequence([])),
        "Script": .string("echo one\necho two\n"),
    ]))

    @Test func wholeDocument() throws {
        let expected = """
            Version: "2012-10-17"
            Count: 3
            Enabled: true
            Answer: "yes"
            Resources:
              ProcessingQueueOne:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: 60
                  QueueName: ${self:service}-one
            Statement:
            - Effect: Allow
              Resource: !GetAtt ProcessingQueueOne.Arn
            - !Ref Topic
            Arn: !Join
            - ""
            - - 'arn:'
              - !Ref AWS::Partition
            Subscription: !Custom
              Protocol: sqs
            Flow: [a, "no", 1]
            Empty: []
            Script: |
              echo one
              echo two

            """
        #expect(try Emitter.emit(Self.document) == expected)
    }

    @Test func rootScalarsEndWithOneNewline() throws {
        #expect(try Emitter.emit(.string("x")) == "x\n")
        #expect(try Emitter.emit(.string("")) == "\"\"\n")
        #expect(try Emitter.emit(.int(42)) == "42\n")
        #expect(try Emitter.emit(.tagged("!Ref", "X")) == "!Ref X\n")
    }

    @Test func quotingOfAwkwardStrings() throws {
        func emitted(_ text: String) throws -> String { try Emitter.emit(.string(text)) }
        // The resolver's choice: double quotes.
        #expect(try emitted("no") == "\"no\"\n")
        #expect(try emitted("1e3") == "\"1e3\"\n")
        #expect(try emitted("~") == "\"~\"\n")
        // libyaml's own choice for text that cannot be plain: single quotes.
        #expect(try emitted("-") == "'-'\n")
        #expect(try emitted("- x") == "'- x'\n")
        #expect(try emitted("a: b") == "'a: b'\n")
        #expect(try emitted(" lead") == "' lead'\n")
        #expect(try emitted("trail ") == "'trail '\n")
        #expect(try emitted("it's: x") == "'it''s: x'\n")
        // Plain when it is safe.
        #expect(try emitted("-x") == "-x\n")
        #expect(try emitted("a:b") == "a:b\n")
        #expect(try emitted("é 日本") == "é 日本\n")
        // Unprintable for libyaml: escaped in double quotes (4-byte UTF-8 included).
        #expect(try emitted("a\tb") == "\"a\\tb\"\n")
        #expect(try emitted("😀") == "\"\\U0001F600\"\n")
    }

    @Test func multiLineStrings() throws {
        let map = { (text: String) in
            try Emitter.emit(.mapping(Node.Mapping(["k": .string(text)])))
        }
        #expect(try map("a\nb") == "k: |-\n  a\n  b\n")
        #expect(try map("a\nb\n") == "k: |\n  a\n  b\n")
        #expect(try map("  a\nb") == "k: |2-\n    a\n  b\n")
        // No literal block where it would not read back exactly, or would need `|+`.
        #expect(try map("a \nb") == "k: \"a \\nb\"\n")
        #expect(try map("a\n\n") == "k: \"a\\n\\n\"\n")
        #expect(try map("a\r\nb") == "k: \"a\\r\\nb\"\n")
    }

    @Test func explicitStyles() throws {
        let map = { (scalar: Node.Scalar) in
            try Emitter.emit(.mapping(Node.Mapping(["k": .scalar(scalar)])))
        }
        #expect(try map(Node.Scalar("x", style: .singleQuoted)) == "k: 'x'\n")
        #expect(try map(Node.Scalar("x", style: .doubleQuoted)) == "k: \"x\"\n")
        #expect(try map(Node.Scalar("a\nb\n", style: .literal)) == "k: |\n  a\n  b\n")
        #expect(try map(Node.Scalar("a b\n", style: .folded)) == "k: >\n  a b\n")
        #expect(try map(Node.Scalar("yes", style: .plain)) == "k: yes\n")
        #expect(try map(Node.Scalar("x", tag: "!Sub", style: .singleQuoted)) == "k: !Sub 'x'\n")
        #expect(try map(Node.Scalar("1", tag: "tag:yaml.org,2002:str")) == "k: !!str 1\n")
    }

    @Test func severalDocuments() throws {
        let text = try Emitter.emit(documents: [
            .mapping(Node.Mapping(["a": .int(1)])), .mapping(Node.Mapping(["b": .int(2)])),
        ])
        #expect(text == "a: 1\n---\nb: 2\n")
        #expect(try Emitter.emit(documents: []) == "")
    }

    @Test func invalidTagIsAnError() {
        #expect(throws: YAMLError.self) { try Emitter.emit(.tagged("", "x")) }
        do {
            _ = try Emitter.emit(.tagged("", "x"))
        } catch {
            #expect(error.mark == nil)
            #expect(error.description.hasPrefix("error: could not write YAML: "))
        }
    }
}
