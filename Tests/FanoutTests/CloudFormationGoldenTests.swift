import Fanout
import FanoutExamples
import Foundation
import Testing

@Suite struct CloudFormationGoldenTests {
    static let yamlPath = "Fixtures/seed/cloudformation.yaml"
    static let jsonPath = "Fixtures/seed/cloudformation.json"

    @Test func yamlMatchesGolden() throws {
        expectGolden(try Examples.tutorial.cloudFormation(.yaml), Self.yamlPath)
    }

    @Test func jsonMatchesGolden() throws {
        expectGolden(try Examples.tutorial.cloudFormation(.json), Self.jsonPath)
    }

    @Test(.slow, .tags(.oracle)) func yamlAndJSONAreTheSameTemplate() throws {
        let yaml = try temporaryFile(try Examples.tutorial.cloudFormation(.yaml), suffix: ".yaml")
        let json = try temporaryFile(try Examples.tutorial.cloudFormation(.json), suffix: ".json")
        defer {
            try? FileManager.default.removeItem(atPath: yaml)
            try? FileManager.default.removeItem(atPath: json)
        }
        let result = try Oracles.run("same_template.py", [yaml, json])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test(.slow, .tags(.oracle)) func sameTemplateOracleNoticesADifference() throws {
        let yaml = try temporaryFile(try Examples.tutorial.cloudFormation(.yaml), suffix: ".yaml")
        let json = try temporaryFile(
            try Examples.tutorial.cloudFormation(.json).replacingOccurrences(of: "\"BatchSize\": 1", with: "\"BatchSize\": 2"),
            suffix: ".json")
        defer {
            try? FileManager.default.removeItem(atPath: yaml)
            try? FileManager.default.removeItem(atPath: json)
        }
        #expect(try Oracles.run("same_template.py", [yaml, json]).status == 1)
    }

    @Test(.slow, .tags(.oracle), arguments: [yamlPath, jsonPath])
    func goldenPassesCfnLint(path: String) throws {
        // The seed's template documents nodejs18.x; only the runtime lifecycle rules are
        // ignored for it (see Oracles.seedRuntimeChecks).
        let result = try Oracles.cfnLint(PackageRoot.path(path), ignoring: Oracles.seedRuntimeChecks)
        #expect(result.status == 0, "cfn-lint:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(.slow, .tags(.oracle)) func cfnLintStillReportsWhatItIsAskedToCheck() throws {
        // Without the ignore list, the seed's runtime is reported: the oracle is really run.
        let result = try Oracles.cfnLint(PackageRoot.path(Self.yamlPath))
        #expect(result.status != 0)
        #expect(result.standardOutput.contains("nodejs18.x"))
    }
}
