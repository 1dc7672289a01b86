import Fanout
import FanoutExamples
import Testing

@Suite struct ServerlessGoldenTests {
    @Test func tutorialMatchesGolden() throws {
        expectGolden(try Examples.tutorial.serverlessYAML(), "Fixtures/seed/serverless.yml")
    }

    @Test func policyVersionStaysAString() throws {
        let yaml = try Examples.tutorial.serverlessYAML()
        #expect(yaml.contains("Version: \"2012-10-17\""))
    }
}
