import Fanout
import FanoutExamples
import Foundation
import Testing

/// checkov 3.3.30 (Tests/Oracles/checkov-requirements.txt, installed by Tests/run.sh into
/// .build/checkov) on every built-in example's raw CloudFormation, YAML and JSON. The production
/// example fails nothing; what the tutorial still fails is a user's choice that Fanout's lint
/// reports; every skip carries the reason from ``CheckovSkip/table``.
@Suite(.serialized) struct CheckovTests {
    /// One finding: a check on a resource.
    struct Finding: Hashable, CustomStringConvertible {
        var check: String
        var resource: String
        var description: String { "\(check) \(resource)" }
    }

    struct Scan {
        var failed: [Finding] = []
        var skipped: [(finding: Finding, comment: String)] = []
        var summary = ""
    }

    /// checkov's check → the Fanout lint code that reports the same choice to the user.
    static let explainedByLint: [String: String] = [
        "CKV_AWS_66": "FAN831",   // a log group without retention
        "CKV_AWS_26": "FAN832",   // a topic without encryption
        "CKV_AWS_116": "FAN205",  // a drained queue without a dead-letter queue: its consumer's failures are kept nowhere
        "CKV_AWS_59": "FAN821",   // an open trigger that publishes into the fan-out
    ]

    static let checkov = PackageRoot.path(".build/checkov/bin/python3")

    static func scan(_ service: Service, _ format: TemplateFormat, options: CloudFormationOptions = CloudFormationOptions()) throws -> Scan {
        let path = try temporaryFile(try service.cloudFormation(format, options: options), suffix: ".\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #require(FileManager.default.isExecutableFile(atPath: checkov),
                     "checkov is not installed: Tests/run.sh installs it into .build/checkov (Tests/Oracles/checkov-requirements.txt)")
        let result = try runProgram(checkov, [PackageRoot.path("Tests/Oracles/checkov_scan.py"), path])
        try #require(result.status == 0, "checkov_scan.py:\n\(result.standardOutput)\(result.standardError)")
        var scan = Scan()
        for line in result.standardOutput.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 3).map(String.init)
            switch words.first {
            case "failed"? where words.count >= 3:
                scan.failed.append(Finding(check: words[1], resource: words[2]))
            case "skipped"? where words.count >= 3:
                scan.skipped.append((Finding(check: words[1], resource: words[2]), words.count == 4 ? words[3] : ""))
            case "summary"?:
                scan.summary = String(line)
            default:
                break
            }
        }
        #expect(scan.summary.contains("parsing_errors=0"), "\(scan.summary)")
        return scan
    }

    @Test(.slow, .tags(.oracle), arguments: TemplateFormat.allCases)
    func productionFailsNothing(format: TemplateFormat) throws {
        let scan = try Self.scan(Examples.production, format)
        #expect(scan.failed == [], "\(scan.summary)")
        let reasons = Dictionary(CheckovSkip.table.map { ($0.reason, $0.id) }, uniquingKeysWith: { first, _ in first })
        for (finding, comment) in scan.skipped {
            #expect(reasons[comment] == finding.check, "\(finding) is skipped without a reason from the table: '\(comment)'")
        }
        #expect(Set(scan.skipped.map(\.finding.check)) == ["CKV_AWS_115", "CKV_AWS_116", "CKV_AWS_117", "CKV_AWS_158", "CKV_AWS_173", "CKV_AWS_27"])
        #expect(scan.skipped.count == 23, "\(scan.summary)")
    }

    @Test(.slow, .tags(.oracle), arguments: TemplateFormat.allCases)
    func theTutorialFailsExactlyWhatLintExplains(format: TemplateFormat) throws {
        let scan = try Self.scan(Examples.tutorial, format)
        let diagnostics = Validator().validate(Examples.tutorial, on: nil)
        var unexplained: [Finding] = []
        var byCode: [String: Int] = [:]
        for finding in scan.failed {
            guard let code = Self.explainedByLint[finding.check] else { unexplained.append(finding); continue }
            byCode[code, default: 0] += 1
        }
        #expect(unexplained == [], "checkov findings no lint code explains")
        // As many findings of each check as lint reports of the code that explains it.
        for code in Set(Self.explainedByLint.values) {
            #expect(byCode[code, default: 0] == diagnostics.filter { $0.code == code }.count, "\(code)")
        }
        #expect(byCode == ["FAN831": 3, "FAN832": 1, "FAN205": 2, "FAN821": 1])
    }

    @Test(.slow, .tags(.oracle)) func withoutTheTableCheckovFailsTheProductionExample() throws {
        var options = CloudFormationOptions()
        options.scannerSkips = false
        let scan = try Self.scan(Examples.production, .yaml, options: options)
        #expect(scan.skipped.isEmpty)
        #expect(Set(scan.failed.map(\.check)) == Set(CheckovSkip.table.map(\.id)))
        #expect(scan.failed.count == 23, "\(scan.failed)")
    }
}
