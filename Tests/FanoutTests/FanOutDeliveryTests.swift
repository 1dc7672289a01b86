import Fanout
import FanoutExamples
import Foundation
import Testing

/// Deploys the emitted templates to a local AWS emulator (moto) and proves the fan-out:
/// one published message arrives exactly once in every subscribed queue.
@Suite(.serialized, .slow, .tags(.oracle)) struct FanOutDeliveryTests {
    static let codeDirectory = PackageRoot.path("Templates/tutorial")

    @Test(arguments: [CloudFormationGoldenTests.yamlPath, CloudFormationGoldenTests.jsonPath])
    func tutorialTemplateFansOut(path: String) throws {
        let result = try Oracles.moto(
            PackageRoot.path(path), stack: "serverless-async-fanout-dev", region: "eu-central-1",
            codeDirectory: Self.codeDirectory)
        #expect(result.status == 0, "moto:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("received the message exactly once"))
        #expect(result.standardOutput.hasSuffix("moto: 10 passed, 0 failed\n"))
    }

    @Test func inlineCodeTemplateFansOut() throws {
        let service = Examples.tutorial
        let options = CloudFormationOptions(code: .inline(try InlineCode.sources(for: service, in: Self.codeDirectory)))
        let path = try temporaryFile(try service.cloudFormation(.yaml, options: options), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Oracles.moto(
            path, stack: "serverless-async-fanout-dev", region: "eu-central-1", codeDirectory: Self.codeDirectory)
        #expect(result.status == 0, "moto:\n\(result.standardOutput)\(result.standardError)")
    }

    @Test func aQueueWithoutPolicyFailsTheCheck() throws {
        // The oracle must notice a broken edge: drop the second queue's policy.
        let broken = Service("broken", runtime: .nodejs24x, region: "eu-central-1") {
            let topic = Topic("Topic")
            let queue = Queue("Queue")
            topic
            queue
            Subscription("Subscription", topic: topic, queue: queue)
        }
        // Validation refuses it (FAN101); the oracle must see the broken edge for itself.
        #expect(throws: ValidationFailure.self) { try broken.cloudFormation(.yaml) }
        let path = try temporaryFile(try broken.cloudFormation(.yaml, checks: .skipped), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Oracles.moto(path, stack: "broken-dev", region: "eu-central-1", codeDirectory: Self.codeDirectory)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAILED: Subscription: queue policy lets sns.amazonaws.com send from the topic"))
    }
}

/// FIFO, fan-in and subscription dead-letter queues, deployed to moto.
@Suite(.slow, .tags(.oracle)) struct FanOutVariantDeliveryTests {
    static let service = Service("bank", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
        let ledger = Topic("Ledger", name: "\(Variable.service)-ledger", fifo: true)
        let audit = Topic("Audit", name: "\(Variable.service)-audit")
        let alerts = Topic("Alerts", name: "\(Variable.service)-alerts")
        ledger
        audit
        alerts
        FanOut(fromFIFO: ledger) {
            FIFOConsumer("posting", handler: "src/processorOne.handler", batchSize: 10, subscriptionDeadLetterQueue: true)
            Consumer("reporting", handler: "src/processorTwo.handler", subscriptionDeadLetterQueue: true)
        }
        FanOut(from: [audit, alerts]) {
            Consumer("archive", handler: "src/urgentProcessor.handler")
        }
    }

    @Test func lintsAndDeliversOnMoto() throws {
        #expect(Validator().validate(Self.service, on: Fixtures.day).decided == [])
        let path = try temporaryFile(try Self.service.cloudFormation(.yaml), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lint = try Oracles.cfnLint(path)
        #expect(lint.status == 0, "cfn-lint:\n\(lint.standardOutput)")
        let result = try Oracles.moto(
            path, stack: "bank-dev", region: "eu-central-1",
            codeDirectory: PackageRoot.path("Templates/production"), expectDeadLetterQueues: true)
        let output = result.standardOutput
        #expect(result.status == 0, "moto:\n\(output)\(result.standardError)")
        #expect(output.contains("ok: PostingSubscription: bank-dev-posting.fifo received the message exactly once (1)"))
        #expect(output.contains("ok: PostingSubscription: the subscription has a dead-letter queue (arn:aws:sqs:eu-central-1:123456789012:bank-dev-posting-sns-dlq.fifo)"))
        #expect(output.contains("ok: ReportingSubscription: the subscription has a dead-letter queue"))
        #expect(output.contains("ok: ArchiveSubscriptionAudit: bank-dev-archive received the message exactly once (1)"))
        #expect(output.contains("ok: ArchiveSubscriptionAlerts: bank-dev-archive received the message exactly once (1)"))
        #expect(output.contains("moto: 20 passed, 0 failed"))
    }
}
