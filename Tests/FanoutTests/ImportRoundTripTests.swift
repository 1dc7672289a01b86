import Fanout
import FanoutExamples
import Foundation
import Testing

/// `fanout import` on the built-in examples' serverless.yml: the printed Swift is committed in
/// Tests/FanoutTests/Imported/ (so this target compiles it), and emitting what it declares
/// gives the fixture back byte for byte.
@Suite struct ImportRoundTripTests {
    static let examples: [(fixture: String, golden: String, name: String)] = [
        ("Fixtures/seed/serverless.yml", "Tests/FanoutTests/Imported/ImportedTutorial.swift", "importedTutorial"),
        ("Fixtures/production/serverless.yml", "Tests/FanoutTests/Imported/ImportedProduction.swift", "importedProduction"),
    ]

    func fixture(_ path: String) throws -> String {
        try String(contentsOfFile: PackageRoot.path(path), encoding: .utf8)
    }

    func imported(_ path: String, name: String) throws -> ImportResult {
        try ServerlessImport(yaml: try fixture(path), file: path, name: name).service()
    }

    @Test(arguments: examples)
    func printedSwiftMatchesTheCompiledGolden(fixture: String, golden: String, name: String) throws {
        let result = try imported(fixture, name: name)
        #expect(result.findings.isEmpty, "\(result.findings)")
        expectGolden(result.swiftSource, golden)
    }

    @Test(arguments: examples)
    func importedServiceEmitsTheFixtureAgain(fixture: String, golden: String, name: String) throws {
        let result = try imported(fixture, name: name)
        #expect(try result.service.serverlessYAML(checks: .skipped) == (try self.fixture(fixture)))
    }

    /// The tutorial's own serverless.yml, as the tutorial prints it (transcribed by hand, not
    /// Fanout's output): imported and emitted again, it is the seed's fixture byte for byte.
    @Test func theTutorialsOwnFileImportsToTheFixture() throws {
        let result = try imported("Fixtures/seed/tutorial.serverless.yml", name: "tutorial")
        #expect(!result.hasErrors, "\(result.findings)")
        #expect(try result.service.serverlessYAML(checks: .skipped) == (try fixture("Fixtures/seed/serverless.yml")))
    }

    @Test func compiledTutorialEmitsTheFixture() throws {
        // `importedTutorial` is the golden Swift above, compiled into this test target.
        #expect(try importedTutorial.serverlessYAML(checks: .skipped) == (try fixture("Fixtures/seed/serverless.yml")))
    }

    @Test func compiledProductionEmitsTheFixture() throws {
        #expect(try importedProduction.serverlessYAML(checks: .skipped) == (try fixture("Fixtures/production/serverless.yml")))
    }

    /// Every construct the printer writes — custom resources, nested values, every intrinsic,
    /// escaped strings, escape-hatch subscriptions and policies, KMS, FIFO, outputs — compiled
    /// (Imported/ImportedKitchenSink.swift) and emitted again.
    @Test func kitchenSinkRoundTripsThroughCompiledSwift() throws {
        let path = "Fixtures/import/kitchen-sink.serverless.yml"
        let result = try imported(path, name: "importedKitchenSink")
        #expect(result.findings.map(\.code) == ["FAN606", "FAN606"])
        expectGolden(result.swiftSource, "Tests/FanoutTests/Imported/ImportedKitchenSink.swift")
        expectGolden(try result.service.serverlessYAML(checks: .skipped), path)
        #expect(try importedKitchenSink.serverlessYAML(checks: .skipped) == (try fixture(path)))
    }

    @Test func compiledTutorialCompilesToTheSameCloudFormation() throws {
        // serverless.yml carries everything the tutorial's raw CloudFormation needs. (Not so
        // for the production example: `roles: .perFunction` changes only raw CloudFormation.)
        for format in TemplateFormat.allCases {
            #expect(try importedTutorial.cloudFormation(format, checks: .skipped)
                == (try fixture("Fixtures/seed/cloudformation.\(format.rawValue)")))
        }
    }

    @Test func compiledTutorialLintsLikeTheExample() throws {
        // The same resources and settings: the imported service has the tutorial's findings.
        let codes = { (service: Service) in Pipeline(date: Day("2026-11-26")).lint(service).map(\.code) }
        #expect(codes(importedTutorial) == codes(Examples.tutorial))
    }

    @Test func importedElementsRememberTheirYAMLPosition() throws {
        let result = try imported("Fixtures/seed/serverless.yml", name: "service")
        let trigger = try #require(result.service.functions.first)
        #expect(trigger.location == SourceLocation(file: "Fixtures/seed/serverless.yml", line: 20))
        let statement = try #require(result.service.provider.iamStatements.first)
        #expect(statement.location == SourceLocation(file: "Fixtures/seed/serverless.yml", line: 9, column: 9))
    }
}
