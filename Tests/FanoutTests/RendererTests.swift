import Fanout
import Testing

@Suite struct RendererTests {
    @Test func intrinsicsAsShortFormTags() throws {
        let value: Value = [
            "A": .ref("Topic"),
            "B": .getAtt("Queue", "Arn"),
            "C": .sub("arn:${AWS::Partition}:s3:::${Bucket}/*"),
            "D": .join("", ["arn:", .pseudo(.partition), ":x"]),
        ]
        #expect(try YAMLRenderer().render(value) == """
            A: !Ref Topic
            B: !GetAtt Queue.Arn
            C: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*
            D: !Join
            - ""
            - - 'arn:'
              - !Ref AWS::Partition
              - :x

            """)
    }

    @Test func tagInsideTagUsesLongForm() throws {
        let value: Value = ["UserData": .function("Fn::Base64", .sub("echo ${AWS::Region}"))]
        #expect(try YAMLRenderer().render(value) == """
            UserData:
              Fn::Base64: !Sub echo ${AWS::Region}

            """)
    }

    @Test func subWithVariablesIsASequence() throws {
        let value: Value = ["S": .sub("${Name}-x", ["Name": .ref("Queue")])]
        #expect(try YAMLRenderer().render(value) == """
            S: !Sub
            - ${Name}-x
            - Name: !Ref Queue

            """)
    }

    @Test func jsonKeepsOrderAndWritesIntrinsicsLongForm() throws {
        let value: Value = [
            "Zeta": 1,
            "Alpha": [true, "x\"y\\z\n\u{01}é"],
            "Ref": .ref("Topic"),
            "Arn": .getAtt("Queue", "Arn"),
            "Empty": [:],
            "None": [],
        ]
        #expect(try JSONRenderer().render(value) == """
            {
              "Zeta": 1,
              "Alpha": [
                true,
                "x\\"y\\\\z\\n\\u0001é"
              ],
              "Ref": {
                "Ref": "Topic"
              },
              "Arn": {
                "Fn::GetAtt": [
                  "Queue",
                  "Arn"
                ]
              },
              "Empty": {},
              "None": []
            }

            """)
    }

    @Test func stringsThatLookLikeOtherTypesAreQuoted() throws {
        let value: Value = ["a": "yes", "b": "0123", "c": "2012-10-17", "d": "null", "e": 60, "f": true]
        #expect(try YAMLRenderer().render(value) == """
            a: "yes"
            b: "0123"
            c: "2012-10-17"
            d: "null"
            e: 60
            f: true

            """)
    }

    @Test func serverlessVariablesAreWrittenAsVariables() throws {
        let value: Value = ["Name": "${self:service}-x"]
        #expect(try YAMLRenderer().render(value) == "Name: ${self:service}-x\n")
    }
}
