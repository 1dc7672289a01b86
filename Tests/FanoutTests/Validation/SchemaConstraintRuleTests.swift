import Fanout
import Foundation
import Testing

/// FAN420 and the table it reads, AWSConstraints.generated.swift.
@Suite struct SchemaConstraintRuleTests {
    /// A queue written as a custom resource, so no specific rule judges it.
    static func rawQueue(_ properties: Value, line: Int = #line) -> CustomResource {
        CustomResource("Raw", type: "AWS::SQS::Queue", properties: properties.mapValue ?? [:], line: line)
    }

    @Test(.slow, .tags(.oracle)) func theCommittedTableIsWhatTheGeneratorWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("AWSConstraints-\(UUID().uuidString).swift").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runProgram("python3", [PackageRoot.path("Scripts/generate-aws-constraints.py"), "-o", path])
        #expect(result.status == 0, "generator:\n\(result.standardError)")
        let generated = try Data(contentsOf: URL(fileURLWithPath: path))
        let committed = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.path("Sources/Fanout/Validation/AWSConstraints.generated.swift")))
        #expect(generated == committed, "run: python3 Scripts/generate-aws-constraints.py")
    }

    @Test func theTableCoversTheTypesFanoutEmitsAndItsPatternsCompile() {
        #expect(Set(AWSConstraints.resources.keys) == [
            "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Method", "AWS::ApiGateway::Resource", "AWS::ApiGateway::RestApi",
            "AWS::CloudWatch::Alarm", "AWS::IAM::Role", "AWS::KMS::Key", "AWS::Lambda::EventSourceMapping",
            "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Logs::LogGroup", "AWS::SNS::Subscription",
            "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy",
        ])
        #expect(AWSConstraints.resources["AWS::SQS::Queue"]?.constraint(at: "DelaySeconds")?.maximum == 900)
        #expect(AWSConstraints.resources["AWS::SQS::Queue"]?.createOnly == ["FifoQueue", "QueueName"])
        #expect(AWSConstraints.resources["AWS::Lambda::Function"]?.constraint(at: "")?.required == ["Code", "Role"])
        #expect(AWSConstraints.resources["AWS::Lambda::Function"]?.constraint(at: "Environment.Variables")?.keyPattern == "[a-zA-Z][a-zA-Z0-9_]+")
        #expect(!AWSConstraints.allPatterns.isEmpty)
        // A pattern that stops compiling is skipped by the rule; if this fails after a cfn-lint
        // update, list the pattern here knowingly.
        #expect(AWSConstraints.uncompilablePatterns == [])
        // JSON Schema patterns are searched for, not matched whole (cfn-lint uses re.search).
        #expect(AWSConstraints.text("1AB", matches: "[a-zA-Z][a-zA-Z0-9_]+") == true)
        #expect(AWSConstraints.text("1A", matches: "[a-zA-Z][a-zA-Z0-9_]+") == false)
    }

    @Test func wrongTypeOutOfRangeAndUnknownProperty() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Self.rawQueue(["DelaySeconds": "soon", "MaximumMessageSize": 100, "Bogus": 1])
        }
        #expect(Fixtures.codes(service) == ["FAN420", "FAN420", "FAN420"])
        let found = Fixtures.diagnostics("FAN420", service)
        #expect(found.allSatisfy { $0.location?.line == line && $0.severity == .error })
        #expect(found.map(\.path).sorted() == ["Resources.Raw.Properties.Bogus", "Resources.Raw.Properties.DelaySeconds", "Resources.Raw.Properties.MaximumMessageSize"])
        #expect(found.contains { $0.message == "Raw (AWS::SQS::Queue): MaximumMessageSize is 100; AWS allows 1024–1048576: raise it" })
        // A numeric string is an integer to CloudFormation (and to cfn-lint).
        let fine = Service("svc", runtime: .nodejs24x) {
            Self.rawQueue(["DelaySeconds": "5", "MaximumMessageSize": 1024, "FifoQueue": "false"])
        }
        #expect(Fixtures.codes(fine) == [])
    }

    /// Lengths are counted in Unicode scalars, as AWS counts them, whatever the byte count
    /// suggests: 200 two-byte characters fit AlarmName's 255, 256 do not.
    @Test func lengthsCountCharactersNotBytes() {
        func alarm(named name: String) -> Service {
            Service("svc", runtime: .nodejs24x) {
                CustomResource("Raw", type: "AWS::CloudWatch::Alarm", properties: [
                    "AlarmName": .string(name), "ComparisonOperator": "GreaterThanThreshold", "EvaluationPeriods": 1,
                ])
            }
        }
        #expect(Fixtures.diagnostics("FAN420", alarm(named: String(repeating: "é", count: 200))) == [])
        #expect(Fixtures.diagnostics("FAN420", alarm(named: String(repeating: "a", count: 255))) == [])
        let messages = [String(repeating: "é", count: 256), String(repeating: "a", count: 300), ""].map { name in
            Fixtures.diagnostics("FAN420", alarm(named: name)).map(\.message)
        }
        #expect(messages[0] == ["Raw (AWS::CloudWatch::Alarm): AlarmName is 256 characters long; AWS allows at most 255: shorten it"])
        #expect(messages[1] == ["Raw (AWS::CloudWatch::Alarm): AlarmName is 300 characters long; AWS allows at most 255: shorten it"])
        #expect(messages[2] == ["Raw (AWS::CloudWatch::Alarm): AlarmName is 0 characters long; AWS requires at least 1: lengthen it"])
    }

    @Test func patternAndMissingRequiredProperty() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: ["FunctionName": "my-function", "Action": "invoke"])
        }
        #expect(Fixtures.codes(service) == ["FAN420", "FAN420"])
        let found = Fixtures.diagnostics("FAN420", service)
        #expect(found.allSatisfy { $0.location?.line == line })
        #expect(found.contains { $0.message.contains("the required property Principal is missing") })
        #expect(found.contains { $0.message.contains("Action is 'invoke' (a string), which does not match the pattern AWS requires") })
        let fine = Service("svc", runtime: .nodejs24x) {
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: [
                "FunctionName": "my-function", "Action": "lambda:InvokeFunction", "Principal": "sns.amazonaws.com",
            ])
        }
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func enumerationItemCountAndNestedValues() {
        let service = Service("svc", runtime: .nodejs24x) {
            CustomResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "FunctionName": "my-function", "BatchSize": 0,
                "FunctionResponseTypes": ["ReportBatchItemFailures", "Bogus"],
            ])
            Self.rawQueue(["RedrivePolicy": ["deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dead", "maxReceiveCount": "x"],
                           "Tags": [["Key": "team"]]])
        }
        let found = Fixtures.diagnostics("FAN420", service)
        #expect(found.map(\.path).sorted() == [
            "Resources.Mapping.Properties.BatchSize", "Resources.Mapping.Properties.FunctionResponseTypes",
            "Resources.Mapping.Properties.FunctionResponseTypes[1]",
            "Resources.Raw.Properties.RedrivePolicy.maxReceiveCount", "Resources.Raw.Properties.Tags[0]",
        ])
        #expect(Fixtures.codes(service) == Array(repeating: "FAN420", count: 5))
        let fine = Service("svc", runtime: .nodejs24x) {
            CustomResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "FunctionName": "my-function", "BatchSize": 1, "FunctionResponseTypes": ["ReportBatchItemFailures"],
            ])
            Self.rawQueue(["RedrivePolicy": ["deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dead", "maxReceiveCount": 3],
                           "Tags": [["Key": "team", "Value": "orders"]]])
        }
        #expect(Fixtures.codes(fine) == [])
    }

    @Test func intrinsicsAreNotJudged() {
        let service = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            Self.rawQueue(["DelaySeconds": .ref("T"), "MaximumMessageSize": .function("Fn::Select", [0, [1, 2]]),
                           "RedrivePolicy": .sub("${T}")])
        }
        #expect(Fixtures.diagnostics("FAN420", service) == [])
    }

    @Test func longFormIntrinsicsAreNotJudged() {
        let longForm = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            Self.rawQueue(["DelaySeconds": ["Ref": "T"], "MaximumMessageSize": ["Fn::ImportValue": "size"],
                           "RedrivePolicy": ["Fn::Sub": "${T}"]])
        }
        #expect(Fixtures.diagnostics("FAN420", longForm) == [])
        // The twin: a one-key map that is no intrinsic is a literal, and judged.
        let literal = Service("svc", runtime: .nodejs24x) {
            Topic("T")
            Self.rawQueue(["DelaySeconds": ["Reference": "T"]])
        }
        #expect(Fixtures.diagnostics("FAN420", literal).map(\.path) == ["Resources.Raw.Properties.DelaySeconds"])
    }

    @Test func aSpecificRuleKeepsItsPropertyOnModelledResources() {
        // FAN402 says it about the modelled queue; FAN420 only about the custom one.
        let modelled = Service("svc", runtime: .nodejs24x) { Queue("Q", delaySeconds: 901) }
        #expect(Fixtures.codes(modelled) == ["FAN402"])
        let custom = Service("svc", runtime: .nodejs24x) { Self.rawQueue(["DelaySeconds": 901]) }
        #expect(Fixtures.codes(custom) == ["FAN420"])
        // An unknown runtime stays FAN503's warning: it may be newer than the pinned schemas.
        let runtime = Service("svc", runtime: Runtime(rawValue: "nodejs99.x")) { Function("f", handler: "f.handler") }
        #expect(Fixtures.codes(runtime) == ["FAN503"])
        // FAN010 and FAN012 say it about a function's environment and handler.
        let function = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "bad handler.run") { Environment("1X", "v") }
        }
        #expect(Set(Fixtures.codes(function)) == ["FAN010", "FAN012"])
    }

    @Test func aGeneratedResourcePointsAtItsFunction() {
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Function("drain", handler: "drain.handler") { SQS(arn: "not-a-queue-arn") }
        }
        #expect(Fixtures.codes(service) == ["FAN420"])
        let found = Fixtures.diagnostics("FAN420", service)
        #expect(found.first?.location?.line == line)
        #expect(found.first?.path == "Resources.DrainEventSourceMappingSQSNotaqueuearn.Properties.EventSourceArn")
        let fine = Service("svc", runtime: .nodejs24x) {
            Function("drain", handler: "drain.handler") { SQS(arn: "arn:aws:sqs:us-east-1:123456789012:orders") }
        }
        #expect(Fixtures.codes(fine) == [])
    }

    /// cfn-lint, reading the same schemas, reports what FAN420 reports on the fixtures above,
    /// and nothing on their clean twins.
    @Test(.slow, .tags(.oracle)) func cfnLintAgrees() throws {
        let broken = Service("svc", runtime: .nodejs24x) {
            Queue("Dead")
            Self.rawQueue(["DelaySeconds": "soon", "MaximumMessageSize": 100, "Bogus": 1,
                           "RedrivePolicy": ["deadLetterTargetArn": .getAtt("Dead", "Arn"), "maxReceiveCount": "x"]])
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: ["FunctionName": "my-function", "Action": "invoke"])
            CustomResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "FunctionName": "my-function", "BatchSize": 0, "FunctionResponseTypes": ["ReportBatchItemFailures", "Bogus"],
            ])
            Function("drain", handler: "drain.handler") { SQS(arn: "not-a-queue-arn") }
        }
        // One cfn-lint message for each FAN420 finding.
        let expected = [
            "'soon' is not of type 'integer'", "100 is less than the minimum of 1024", "('Bogus' was unexpected)",
            "'x' is not of type 'integer'", "'Principal' is a required property", "'invoke' does not match",
            "0 is less than the minimum of 1", "'Bogus' is not one of ['ReportBatchItemFailures']",
            "expected maximum item count: 1, found: 2", "'not-a-queue-arn' does not match",
        ]
        #expect(Fixtures.diagnostics("FAN420", broken).count == expected.count)
        let lint = try cfnLint(broken)
        for expected in expected {
            #expect(lint.contains(expected), "cfn-lint does not say \(expected):\n\(lint)")
        }
        let fine = Service("svc", runtime: .nodejs24x) {
            Queue("Dead")
            Self.rawQueue(["DelaySeconds": "5", "MaximumMessageSize": 1024,
                           "RedrivePolicy": ["deadLetterTargetArn": .getAtt("Dead", "Arn"), "maxReceiveCount": 3]])
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: [
                "FunctionName": "my-function", "Action": "lambda:InvokeFunction", "Principal": "sns.amazonaws.com",
            ])
            CustomResource("Mapping", type: "AWS::Lambda::EventSourceMapping", properties: [
                "FunctionName": "my-function", "BatchSize": 1, "FunctionResponseTypes": ["ReportBatchItemFailures"],
            ])
            Function("drain", handler: "drain.handler") { SQS(arn: "arn:aws:sqs:us-east-1:123456789012:orders") }
        }
        #expect(Fixtures.diagnostics("FAN420", fine) == [])
        let fineLint = try cfnLint(fine)
        #expect(fineLint == "", "cfn-lint:\n\(fineLint)")
    }

    /// cfn-lint's report on `service`'s CloudFormation template.
    private func cfnLint(_ service: Service) throws -> String {
        let path = try temporaryFile(try service.cloudFormation(.yaml, checks: .skipped), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Oracles.cfnLint(path).standardOutput
    }
}
