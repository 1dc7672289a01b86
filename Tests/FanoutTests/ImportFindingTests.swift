import Fanout
import OrderedCollections
import Testing
import YAML

/// `ServerlessImport` on hostile and unusual serverless.yml files: every problem is reported
/// with its line and column, and nothing is dropped without a finding.
@Suite struct ImportFindingTests {
    static let base = """
        service: orders
        provider:
          name: aws
          runtime: nodejs20.x
        functions:
          trigger:
            handler: src/trigger.handler

        """

    func imported(_ yaml: String) throws(YAMLError) -> ImportResult {
        try ServerlessImport(yaml: yaml, file: "in.yml").service()
    }

    /// `code@line:column` for each finding, to compare in one expectation.
    func places(_ result: ImportResult) -> [String] {
        result.findings.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    func yamlError(_ yaml: String) -> YAMLError? {
        do {
            _ = try imported(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func cleanFileHasNoFindingsAndRoundTrips() throws {
        let result = try imported(Self.base)
        #expect(result.findings.isEmpty)
        #expect(!result.hasErrors)
        #expect(try result.service.serverlessYAML(checks: .skipped) == Self.base)
    }

    @Test func brokenYAMLIsAPositionedError() throws {
        let error = try #require(yamlError("service: orders\nprovider:\n  name: aws\n runtime: nodejs20.x\n"))
        #expect(error.description.hasPrefix("in.yml:4:"))
        #expect(error.description.contains(": error: "))
        #expect(error.description.hasSuffix("\n runtime: nodejs20.x\n" + String(repeating: " ", count: (error.mark?.column ?? 1) - 1) + "^"))
    }

    @Test func duplicateKeyIsAPositionedError() throws {
        let error = try #require(yamlError(Self.base.replacing("  runtime: nodejs20.x\n", with: "  runtime: nodejs20.x\n  runtime: nodejs22.x\n")))
        #expect(error.mark == Mark(line: 5, column: 3))
        #expect(error.message == "duplicate key \"runtime\" (first defined at line 4)")
    }

    @Test func documentWithoutAServiceIsAPositionedError() throws {
        #expect(yamlError("- a\n- b\n")?.description.hasPrefix("in.yml:1:1: error: a serverless.yml is a mapping") == true)
        #expect(yamlError("provider:\n  runtime: nodejs20.x\n")?.message.hasPrefix("no `service:` name") == true)
        let noRuntime = yamlError("service: orders\nprovider:\n  name: aws\n")
        #expect(noRuntime?.mark == Mark(line: 2, column: 1))
        #expect(noRuntime?.message.hasPrefix("the provider has no `runtime`") == true)
    }

    @Test func unknownTopLevelKeyIsRefusedWithItsPosition() throws {
        let result = try imported(Self.base + "custom:\n  tableName: orders\nplugins:\n  - serverless-offline\n")
        #expect(places(result) == ["FAN601@8:1", "FAN601@10:1"])
        #expect(result.findings.map(\.severity) == [.error, .error])
        #expect(result.findings.map(\.path) == ["custom", "plugins"])
        #expect(result.hasErrors)
        // Listed in the printed Swift too, so an accepted loss stays visible.
        #expect(result.swiftSource.contains("//   8:1: error[FAN601]: `custom` is not imported"))
    }

    @Test func unknownProviderSettingIsRefused() throws {
        let result = try imported(Self.base.replacing("  name: aws\n", with: "  name: aws\n  tracing:\n    lambda: true\n"))
        #expect(places(result) == ["FAN602@4:3"])
        #expect(result.findings.first?.path == "provider.tracing")
    }

    @Test func unknownFunctionPropertyIsRefused() throws {
        let result = try imported(Self.base + "    layers:\n      - arn:aws:lambda:eu-central-1:1:layer:x:1\n    timeout: 10\n")
        #expect(places(result) == ["FAN603@8:5"])
        #expect(result.findings.first?.path == "functions.trigger.layers")
        #expect(result.service.functions.first?.timeout == 10)
    }

    @Test func unknownEventTypeIsRefusedAndTheOthersKept() throws {
        let yaml = Self.base + """
                events:
                  - schedule: rate(5 minutes)
                  - http:
                      path: /orders
                      method: POST
                      cors: true

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN604@9:9", "FAN614@12:19", "FAN604@13:11"])
        #expect(result.findings.map(\.severity) == [.error, .note, .error])
        #expect(result.service.functions.first?.events.count == 1)
        guard case .http(let http)? = result.service.functions.first?.events.first else {
            Issue.record("the http event was not imported")
            return
        }
        #expect(http.method == .post && http.path == "/orders")
    }

    @Test func unknownResourceTypeIsKeptThroughTheEscapeHatch() throws {
        let yaml = Self.base + """
            resources:
              Resources:
                OrdersTable:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    KeySchema:
                    - AttributeName: id
                      KeyType: HASH
                    TableName: ${self:service}-orders
                    Replicas: !Ref AWS::NoValue

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN606@10:5"])
        #expect(result.findings.first?.severity == .note)
        let table = try #require(result.service.resources.first as? CustomResource)
        #expect(table.properties["Replicas"] == .ref("AWS::NoValue"))
        // Kept as written: the emitted serverless.yml is the input again.
        #expect(try result.service.serverlessYAML(checks: .skipped) == yaml)
        #expect(result.swiftSource.contains("""
                CustomResource(
                    "OrdersTable",
                    type: "AWS::DynamoDB::Table",
            """))
        #expect(result.swiftSource.contains("\"Replicas\": .pseudo(.noValue),"))
    }

    @Test func typedResourceThatWouldChangeIsKeptAsWritten() throws {
        // A FIFO queue without `.fifo` in its name: Fanout's Queue would add it.
        let yaml = Self.base + """
            resources:
              Resources:
                Jobs:
                  Type: AWS::SQS::Queue
                  Properties:
                    QueueName: jobs
                    FifoQueue: true

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN606@10:5"])
        #expect(result.findings.first?.message.hasSuffix("Fanout's Queue would write `QueueName` differently") == true)
        #expect(try result.service.serverlessYAML(checks: .skipped) == yaml)
    }

    @Test func resourceAttributesFanoutDoesNotWriteAreRefused() throws {
        let yaml = Self.base + """
            resources:
              Resources:
                Jobs:
                  Type: AWS::SQS::Queue
                  DeletionPolicy: Retain
              Conditions:
                IsProd: !Equals [prod, prod]

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN605@12:7", "FAN605@13:3"])
        #expect(result.service.resources.first is Queue)
    }

    @Test func aliasesAreExpandedAndMergeKeysNoted() throws {
        let yaml = Self.base + """
                environment: &shared
                  TABLE: orders
              worker:
                handler: src/worker.handler
                environment:
                  <<: *shared
                  EXTRA: x
              auditor:
                handler: src/auditor.handler
                environment: *shared

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN613@13:7"])
        let environments = result.service.functions.map { Array($0.environment.keys) }
        #expect(environments == [["TABLE"], ["EXTRA", "TABLE"], ["TABLE"]])
    }

    @Test func nonStringKeysAreReported() throws {
        let yaml = Self.base + """
            resources:
              Resources:
                Thing:
                  Type: Custom::Thing
                  Properties:
                    404: not found
                    ? [a, b]
                    : pair

            """
        let result = try imported(yaml)
        #expect(places(result) == ["FAN606@10:5", "FAN612@13:9", "FAN612@14:11"])
        #expect(result.findings.map(\.severity) == [.note, .warning, .error])
        let thing = try #require(result.service.resources.first as? CustomResource)
        #expect(thing.properties == ["404": "not found"])
    }

    @Test func intrinsicsInShortAndLongFormAreTheSame() throws {
        let yaml = Self.base + """
                environment:
                  A: !GetAtt Q.Arn
                  B:
                    Fn::GetAtt: [Q, Arn]
                  C: {Ref: Q}
                  D: !Join ['', ['arn:', !Ref AWS::Partition]]
                  E: !Sub '${Q.Arn}-x'
                  F: !Select [0, !GetAZs '']
                  G: ${self:service}-${opt:stage, 'dev'}

            """
        let result = try imported(yaml)
        #expect(result.findings.isEmpty, "\(result.findings)")
        let environment = try #require(result.service.functions.first?.environment)
        let expected: OrderedDictionary<String, Value> = [
            "A": .getAtt("Q", "Arn"), "B": .getAtt("Q", "Arn"), "C": .ref("Q"),
            "D": .join("", ["arn:", .ref("AWS::Partition")]), "E": .sub("${Q.Arn}-x"),
            "F": .function("Fn::Select", [0, .function("Fn::GetAZs", "")]),
            "G": .text(Text([.variable(.service), .literal("-"), .variable(Variable("opt:stage, 'dev'"))])),
        ]
        #expect(environment == expected)
    }

    @Test func unknownTagIsRefused() throws {
        let result = try imported(Self.base + "    environment:\n      A: !Foo bar\n      B: ok\n")
        #expect(places(result) == ["FAN608@9:10"])
        #expect(result.service.functions.first?.environment == ["B": "ok"])
    }

    @Test func scalarsTheModelCannotHoldAreReported() throws {
        let yaml = Self.base + "    environment:\n      A: yes\n      B: 1.5\n      C: ~\n      D: 0123\n      E: true\n"
        let result = try imported(yaml)
        #expect(places(result) == ["FAN609@9:10", "FAN610@10:10", "FAN611@11:10", "FAN609@12:10"])
        #expect(result.service.functions.first?.environment == ["A": "yes", "B": "1.5", "D": "0123", "E": true])
    }

    @Test func differencesNoOtherFindingExplainsAreReported() throws {
        // An empty events list is not written back at all: the safety net says so.
        let result = try imported(Self.base + "    events: []\n")
        #expect(places(result) == ["FAN615@8:5"])
        #expect(result.findings.first?.severity == .warning)
        #expect(result.findings.first?.path == "functions.trigger.events")
    }

    @Test func typicalFileListsEveryLossInFileOrder() throws {
        let yaml = """
            service: my-api
            frameworkVersion: '3'
            custom:
              tableName: ${self:service}-${sls:stage}
            provider:
              name: aws
              runtime: nodejs20.x
              environment:
                TABLE: ${self:custom.tableName}
              iam:
                role: arn:aws:iam::123456789012:role/x
            functions:
              hello:
                handler: handler.hello
                description: says hello
                events:
                  - httpApi: GET /hello
                  - http: GET hello
                  - sqs: arn:aws:sqs:eu-west-1:123456789012:q
                timeout: ${self:custom.timeout}
                environment: {}

            """
        let result = try imported(yaml)
        #expect(places(result) == [
            "FAN601@2:1", "FAN601@3:1", "FAN602@8:3", "FAN602@11:5", "FAN603@15:5", "FAN604@17:9",
            "FAN614@18:15", "FAN614@19:14", "FAN607@20:14", "FAN615@21:5",
        ])
        #expect(result.findings.first { $0.code == "FAN602" }?.message.hasSuffix("set the variables on each function instead (`Environment` in Swift)") == true)
        #expect(result.swiftSource.hasSuffix("""
            let service = Service("my-api", runtime: .nodejs20x) {
                Function("hello", handler: "handler.hello") {
                    HTTP(.get, "hello")
                    SQS(arn: "arn:aws:sqs:eu-west-1:123456789012:q")
                }
            }

            """))
    }

    @Test func iamRoleStatementsAreReadInTheirOldSpelling() throws {
        let yaml = Self.base.replacing("  runtime: nodejs20.x\n", with: """
              runtime: nodejs20.x
              iamRoleStatements:
                - Effect: Allow
                  Action: sqs:SendMessage
                  Resource: '*'

            """)
        let result = try imported(yaml)
        #expect(places(result) == ["FAN614@5:3"])
        #expect(result.service.provider.iamStatements.first?.actions == .one("sqs:SendMessage"))
    }

    @Test func commentsAreNoted() throws {
        let result = try imported("# The orders service.\n" + Self.base + "    # handles POST /orders\n")
        #expect(places(result) == ["FAN616@1:1"])
        #expect(result.findings.first?.message.hasPrefix("comments are not carried into the Swift (2 comment lines, the first here)") == true)
        #expect(try imported(Self.base).findings.isEmpty)
    }

    @Test func constantNamesAreIdentifiers() {
        #expect(SwiftPrinter.isIdentifier("service"))
        #expect(SwiftPrinter.isIdentifier("_orders2"))
        #expect(!SwiftPrinter.isIdentifier("my-service"))
        #expect(!SwiftPrinter.isIdentifier("2orders"))
        #expect(!SwiftPrinter.isIdentifier("class"))
        #expect(!SwiftPrinter.isIdentifier(""))
        #expect(!SwiftPrinter.isIdentifier("café"))
    }

    @Test func keysCannotEndTheHeaderComment() throws {
        let result = try imported(Self.base + "\"x\\nlet injected = 1\": true\n")
        #expect(result.findings.map(\.code) == ["FAN601"])
        #expect(result.swiftSource.contains("error[FAN601]: `x\\u{a}let injected = 1` is not imported"))
        #expect(!result.swiftSource.contains("\nlet injected"))
    }

    @Test func swiftNamesAvoidKeywordsAndCollisions() throws {
        let yaml = Self.base + """
                environment:
                  A: !Ref Default
                  B: !Ref DEFAULT
            resources:
              Resources:
                Default:
                  Type: AWS::SNS::Topic
                DEFAULT:
                  Type: AWS::SNS::Topic
                "My Queue!\\n":
                  Type: AWS::SQS::Queue
                "1st":
                  Type: AWS::SQS::Queue
                Subscribed:
                  Type: AWS::SNS::Subscription
                  Properties:
                    TopicArn: !Ref Default
                    Protocol: sqs
                    Endpoint: !GetAtt "My Queue!\\n.Arn"
                  DependsOn: [1st, DEFAULT]

            """
        let result = try imported(yaml)
        #expect(result.swiftSource.contains("let myQueue = Queue(\"My Queue!\\n\")"))
        #expect(result.swiftSource.contains("let resource1st = Queue(\"1st\")"))
        #expect(result.swiftSource.contains("""
                Subscription("Subscribed", topic: defaultResource, queue: myQueue).dependsOn(
                    resource1st,
                    defaultResource2
                )
            """))
        #expect(result.swiftSource.contains("let defaultResource = Topic(\"Default\")"))
        #expect(result.swiftSource.contains("let defaultResource2 = Topic(\"DEFAULT\")"))
        #expect(result.swiftSource.contains("Environment(\"B\", defaultResource2.arn)"))
    }
}
