import Fanout
import Foundation
import Testing

/// Deploys the emitted templates to a local AWS emulator (moto) and proves the fan-out:
/// one published message arrives exactly once in every subscribed queue.
@Suite(.serialized) struct FanOutDeliveryTests {
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
        let path = try temporaryFile(try broken.cloudFormation(.yaml), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Oracles.moto(path, stack: "broken-dev", region: "eu-central-1", codeDirectory: Self.codeDirectory)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAILED: Subscription: queue policy lets sns.amazonaws.com send from the topic"))
    }
}
