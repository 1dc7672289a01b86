import Fanout
import FanoutExamples
import Foundation
import Testing
import YAML

/// Holds the serverless.yml output to the tutorial's own text, read by two independent
/// readers: PyYAML (a YAML 1.1 reader, as the Serverless Framework's is) and our parser.
@Suite struct TutorialOracleTests {
    static let tutorialPath = "Fixtures/seed/tutorial.serverless.yml"

    @Test(.slow, .tags(.oracle)) func pyYAMLLoadsTheTutorialsStructure() throws {
        let output = try temporaryFile(try Examples.tutorial.serverlessYAML())
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try pyYAMLCompare(PackageRoot.path(Self.tutorialPath), output)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test(.slow, .tags(.oracle)) func pyYAMLOracleNoticesALostTag() throws {
        let yaml = try Examples.tutorial.serverlessYAML()
            .replacingOccurrences(of: "SNS_TOPIC_ARN: !Ref NotificationTopic", with: "SNS_TOPIC_ARN: NotificationTopic")
        let output = try temporaryFile(yaml)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try pyYAMLCompare(PackageRoot.path(Self.tutorialPath), output)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("SNS_TOPIC_ARN"))
    }

    @Test func ourParserReadsTheSameTreeAsTheTutorial() throws {
        let tutorialText = try String(contentsOfFile: PackageRoot.path(Self.tutorialPath), encoding: .utf8)
        let tutorial = try Parser.parse(tutorialText, path: Self.tutorialPath)
        let emitted = try Parser.parse(try Examples.tutorial.serverlessYAML())
        #expect(emitted == tutorial)
    }

    private func pyYAMLCompare(_ expected: String, _ actual: String) throws -> ProgramResult {
        try runProgram("python3", [PackageRoot.path("Tests/Oracles/yaml_same.py"), expected, actual])
    }
}
