import Fanout
import FanoutExamples
import Foundation
import Testing

/// The production example (the tutorial's service built with FanOut and production settings):
/// goldens, no findings, a structure check by PyYAML, cfn-lint with no exception, and the
/// fan-out proven on moto.
@Suite struct ProductionExampleTests {
    static let day = Day(year: 2026, month: 11, day: 26)

    @Test func serverlessMatchesGolden() throws {
        expectGolden(try Examples.production.serverlessYAML(), "Fixtures/production/serverless.yml")
    }

    @Test(arguments: TemplateFormat.allCases)
    func cloudFormationMatchesGolden(format: TemplateFormat) throws {
        expectGolden(try Examples.production.cloudFormation(format), "Fixtures/production/cloudformation.\(format.rawValue)")
    }

    @Test func lintFindsNothing() {
        let diagnostics = Validator().validate(Examples.production, on: Self.day)
        #expect(diagnostics == [])
        expectGolden(DiagnosticRenderer().render(diagnostics, as: .text), "Fixtures/production/lint.txt")
    }

    @Test(.slow, .tags(.oracle), arguments: ["yaml", "json"])
    func passesCfnLintWithoutExceptions(format: String) throws {
        let result = try Oracles.cfnLint(PackageRoot.path("Fixtures/production/cloudformation.\(format)"))
        #expect(result.status == 0, "cfn-lint:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(.slow, .tags(.oracle)) func pyYAMLReadsACorrectFanOut() throws {
        let result = try Oracles.run("serverless_fanout_structure.py", [
            PackageRoot.path("Fixtures/production/serverless.yml"), PackageRoot.path("Templates/production"),
        ])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput == "structure: passed (0 failures)\n")
    }

    @Test(.slow, .tags(.oracle)) func structureOracleNoticesTheTutorialsGaps() throws {
        // The tutorial has no dead-letter queues, envelope delivery and no DependsOn: the
        // same checker must say so, or it proves nothing about the production example.
        let result = try Oracles.run("serverless_fanout_structure.py", [
            PackageRoot.path("Fixtures/seed/serverless.yml"), PackageRoot.path("Templates/tutorial"),
        ])
        #expect(result.status == 1)
        for queue in ["ProcessingQueueOne", "ProcessingQueueTwo"] {
            #expect(result.standardOutput.contains("FAIL \(queue): no dead-letter queue"))
            #expect(result.standardOutput.contains("FAIL \(queue): subscription without raw delivery"))
            #expect(result.standardOutput.contains("FAIL \(queue): the subscription from NotificationTopic depends on no policy that admits it"))
        }
    }

    @Test(.slow, .tags(.oracle)) func fansOutOnMoto() throws {
        let result = try Oracles.moto(
            PackageRoot.path("Fixtures/production/cloudformation.yaml"), stack: "serverless-async-fanout-dev",
            region: "eu-central-1", codeDirectory: PackageRoot.path("Templates/production"), expectDeadLetterQueues: true,
            expectAuthorization: "AWS_IAM", expectAlarms: true)
        let output = result.standardOutput
        #expect(result.status == 0, "moto:\n\(output)\(result.standardError)")
        for consumer in ["ProcessorOne", "ProcessorTwo", "UrgentProcessor"] {
            #expect(output.contains("ok: \(consumer)Subscription: raw body is the published message"))
            #expect(output.contains("ok: \(consumer)Subscription: queue policy lets sns.amazonaws.com send from the topic"))
            let key = "serverless-async-fanout-dev-" + consumer.prefix(1).lowercased() + consumer.dropFirst()
            #expect(output.contains("ok: \(consumer)Subscription: \(key) has a dead-letter queue"))
            // The alarms exist in CloudWatch, on the right queues, notifying the alarm topic.
            #expect(output.contains("ok: \(consumer)Subscription: one ApproximateAgeOfOldestMessage alarm on \(key) (1)"))
            #expect(output.contains("ok: \(consumer)Subscription: \(key)-message-age notifies serverless-async-fanout-dev-alarms"))
            #expect(output.contains("ok: \(consumer)Subscription: one ApproximateNumberOfMessagesVisible alarm on \(key)-dlq (1)"))
            #expect(output.contains("ok: \(consumer)Subscription: \(key)-dead-letters fires above 0.0 (GreaterThanThreshold 0.0)"))
            #expect(output.contains("ok: \(consumer)Subscription: \(key)-dead-letters notifies serverless-async-fanout-dev-alarms"))
        }
        #expect(output.contains("ok: UrgentProcessorSubscription: a message its filter rejects was dropped (0)"))
        #expect(output.contains("ok: ProcessorOneSubscription: a message without a filter match arrived once (1)"))
        // The trigger as deployed: IAM-authenticated, on a throttled stage.
        #expect(output.contains("ok: ApiGatewayMethodTriggerPost: the deployed method takes AWS_IAM authorisation (expected AWS_IAM, template AWS_IAM)"))
        #expect(output.contains("ok: ApiGatewayMethodTriggerPost: the deployed method's apiKeyRequired is False, as in the template"))
        #expect(output.contains("stage dev throttles every method at 50.0 requests/s, bursts of 100"))
        #expect(output.hasSuffix("moto: 40 passed, 0 failed\n"))
    }

    /// The authorisation check fails on the tutorial's documented open endpoint.
    @Test(.slow, .tags(.oracle)) func motoAuthorizationCheckFailsOnTheOpenTutorial() throws {
        let result = try Oracles.moto(
            PackageRoot.path("Fixtures/seed/cloudformation.yaml"), stack: "serverless-async-fanout-dev",
            region: "eu-central-1", codeDirectory: PackageRoot.path("Templates/production"), expectAuthorization: "AWS_IAM")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(
            "FAILED: ApiGatewayMethodTriggerPost: the deployed method takes NONE authorisation (expected AWS_IAM, template NONE)"))
    }

    /// The alarm checks fail on the same deployment without the alarms, so they prove something.
    @Test(.slow, .tags(.oracle)) func motoNoticesMissingAlarms() throws {
        var service = Examples.production
        service.resources.removeAll { $0.type == "AWS::CloudWatch::Alarm" }
        let path = try temporaryFile(try service.cloudFormation(.yaml, checks: .skipped), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Oracles.moto(
            path, stack: "serverless-async-fanout-dev", region: "eu-central-1",
            codeDirectory: PackageRoot.path("Templates/production"), expectAlarms: true)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(
            "FAILED: ProcessorOneSubscription: one ApproximateAgeOfOldestMessage alarm on serverless-async-fanout-dev-processorOne (0)"))
        #expect(result.standardOutput.contains(
            "FAILED: UrgentProcessorSubscription: one ApproximateNumberOfMessagesVisible alarm on serverless-async-fanout-dev-urgentProcessor-dlq (0)"))
    }

    @Test func eachFunctionHasItsOwnRoleWithOnlyWhatItUses() throws {
        let template = CloudFormationTranslator().translate(Examples.production).template
        let resources = template.mapValue?["Resources"]?.mapValue ?? [:]
        #expect(resources["IamRoleLambdaExecution"] == nil)
        func actions(_ role: String) -> [String] {
            guard case .list(let policies)? = resources[role]?.mapValue?["Properties"]?.mapValue?["Policies"],
                  case .list(let statements)? = policies.first?.mapValue?["PolicyDocument"]?.mapValue?["Statement"]
            else { return [] }
            return statements.flatMap { statement -> [String] in
                guard case .list(let actions)? = statement.mapValue?["Action"] else { return [] }
                return actions.compactMap(\.stringValue)
            }
        }
        let logs = ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource", "logs:PutLogEvents"]
        // Publishing to the topic, encrypted with its own key, takes a data key from KMS.
        #expect(actions("TriggerIamRoleLambdaExecution") == logs + ["sns:Publish", "kms:GenerateDataKey", "kms:Decrypt"])
        #expect(actions("ProcessorOneIamRoleLambdaExecution") == logs + [
            "sqs:ChangeMessageVisibility", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
        ])
        let function = resources["ProcessorOneLambdaFunction"]?.mapValue?["Properties"]?.mapValue
        #expect(function?["Role"] == .getAtt("ProcessorOneIamRoleLambdaExecution", "Arn"))
    }
}
