import Foundation
import Testing
@testable import Fanout
import FanoutExamples

/// `emit cloudformation --split`: a root template plus nested stacks, each consumer's
/// resources together, stable when consumers come and go, within every limit, cfn-lint clean.
@Suite struct StackSplitTests {
    static let day = Day(year: 2026, month: 11, day: 26)

    /// A fan-out of `names` consumers (eight resources each: no alarms, so the counts below
    /// stay those of the split's own resources) behind an HTTP publisher.
    static func service(_ names: [String], roles: RoleMode = .perFunction) -> Service {
        Service("big", runtime: .nodejs24x, region: "eu-central-1", roles: roles) {
            let topic = Topic("OrdersTopic", name: "\(Variable.service)-\(Variable.stage)-orders")
            topic
            Function("publisher", handler: "src/publisher.handler") {
                HTTP(.post, "/orders", authorization: .iam)
                Publishes(to: topic, as: "TOPIC_ARN")
            }
            FanOut(from: topic) {
                for name in names { Consumer(name, handler: "src/consumer.handler", batchSize: 10) }
            }
            .withoutAlarms()
        }
    }

    /// A split's findings but FAN801: these consumers have no alarms, so each dead-letter
    /// queue gets that note.
    static func findings(_ emission: SplitEmission) -> [Diagnostic] {
        emission.diagnostics.decided.filter { $0.code != "FAN801" }
    }

    static func names(_ count: Int) -> [String] { (0..<count).map { String(format: "consumer%04d", $0) } }

    static func split(_ service: Service, stacks: Int = SplitOptions.defaultStackCount,
                      format: TemplateFormat = .yaml) throws -> SplitEmission {
        try Pipeline(date: day).emitSplit(service, options: SplitOptions(stackCount: stacks, format: format))
    }

    /// The files of a split, rendered without validating (validation is not what these tests
    /// look at, and at 1,000 consumers it dominates a debug build's time).
    static func splitFiles(_ service: Service, stacks: Int = SplitOptions.defaultStackCount) throws -> [String: String] {
        let bound = Pipeline().bind(service)
        let templates = StackSplitter(options: SplitOptions(stackCount: stacks)).split(bound, Pipeline().translate(bound).template)
        #expect(templates.diagnostics.isEmpty)
        var files = ["root.yaml": try YAMLRenderer().render(templates.root)]
        for nested in templates.nested { files[nested.path] = try YAMLRenderer().render(nested.template) }
        return files
    }

    static func files(_ emission: SplitEmission) -> [String: String] {
        Dictionary(uniqueKeysWithValues: emission.files.map { ($0.path, $0.text) })
    }

    @Test(.slow) func aThousandConsumersSplitWithinEveryLimitAndKeepEachConsumerTogether() throws {
        let service = Self.service(Self.names(1000))
        let whole = Pipeline(date: Self.day).translate(Pipeline().bind(service)).template
        let templates = StackSplitter().split(service, whole)
        #expect(templates.diagnostics.isEmpty)
        #expect(templates.nested.count == 32)
        var seen: [String: String] = [:]
        for nested in templates.nested {
            let map = nested.template.mapValue ?? [:]
            let resources = map["Resources"]?.mapValue ?? [:]
            #expect(resources.count <= 500 && resources.count > 100)
            #expect((map["Parameters"]?.mapValue?.count ?? 0) <= 200)
            #expect((map["Outputs"]?.mapValue?.count ?? 0) <= 200)
            #expect(try YAMLRenderer().render(nested.template).utf8.count < 1_000_000)
            for id in resources.keys { seen[id] = nested.logicalID }
            // Parameters: the topic, the code's bucket and key; nothing else crosses.
            #expect(map["Parameters"]?.mapValue.map { Array($0.keys) } == ["ArtifactBucket", "ArtifactKey", "OrdersTopic"])
        }
        for name in Self.names(1000) {
            let prefix = Naming.normalizedFunctionName(name)
            let ids = [prefix + "LambdaFunction", prefix + "LogGroup", prefix + "IamRoleLambdaExecution",
                       prefix + "Queue", prefix + "DeadLetterQueue", prefix + "QueuePolicy", prefix + "Subscription",
                       Naming.sqsEventSourceMappingLogicalID(name, queueName: prefix + "Queue")]
            let stacks = Set(ids.map { seen[$0] })
            #expect(stacks.count == 1 && stacks.first != nil, "\(name): \(ids.map { "\($0)=\(seen[$0] ?? "root")" })")
        }
        let root = templates.root.mapValue?["Resources"]?.mapValue ?? [:]
        for shared in ["OrdersTopic", "PublisherLambdaFunction", "PublisherIamRoleLambdaExecution", "ApiGatewayRestApi"] {
            #expect(root[shared] != nil && seen[shared] == nil, "\(shared) stays in the root")
        }
        // Every resource is written exactly once.
        let original = whole.mapValue?["Resources"]?.mapValue ?? [:]
        #expect(root.count - templates.nested.count + seen.count == original.count)
        #expect(root.count <= 500)
    }

    @Test func aNestedStackTakesTheRootsValuesAsParametersAndTheStackPointsAtItsFile() throws {
        let emission = try Self.split(Self.service(["billing", "shipping"]), stacks: 4)
        let files = Self.files(emission)
        let billingStack = StackSplitter(options: SplitOptions(stackCount: 4)).stackLogicalID(
            StackPartition.stack(forKey: "BillingLambdaFunction", count: 4))
        let root = try #require(files["root.yaml"])
        #expect(root.contains("""
              \(billingStack):
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: stacks/\(billingStack).yaml
                  Parameters:
                    ArtifactBucket: !Ref ArtifactBucket
                    ArtifactKey: !Ref ArtifactKey
                    OrdersTopic: !Ref OrdersTopic

            """))
        let nested = try #require(files["stacks/\(billingStack).yaml"])
        #expect(nested.contains("TopicArn: !Ref OrdersTopic"))
        #expect(nested.contains("""
            Parameters:
              ArtifactBucket:
                Type: String
                Description: S3 bucket that holds the functions' code archive
              ArtifactKey:
                Type: String
                Description: Key of the code archive (a zip of the handlers) in that bucket
              OrdersTopic:
                Type: String
            """))
        #expect(!nested.contains("Default"))
    }

    @Test(.slow) func addingOrRemovingAConsumerChangesOnlyTheStackThatHoldsIt() throws {
        let names = Self.names(1000)
        let before = try Self.splitFiles(Self.service(names))
        let added = try Self.splitFiles(Self.service(names + ["lateArrival"]))
        let addedStack = StackSplitter().stackLogicalID(StackPartition.stack(forKey: "LateArrivalLambdaFunction", count: 32))
        #expect(Set(before.keys) == Set(added.keys))
        #expect(added.keys.filter { added[$0] != before[$0] } == ["stacks/\(addedStack).yaml"])
        #expect(added["stacks/\(addedStack).yaml"]?.contains("LateArrivalQueue:") == true)

        var fewer = names
        fewer.remove(at: 500)
        let removed = try Self.splitFiles(Self.service(fewer))
        let removedStack = StackSplitter().stackLogicalID(StackPartition.stack(forKey: "Consumer0500LambdaFunction", count: 32))
        #expect(Set(before.keys) == Set(removed.keys))
        #expect(removed.keys.filter { removed[$0] != before[$0] } == ["stacks/\(removedStack).yaml"])
    }

    @Test func aStackThatAppearsChangesOnlyTheRootsStackListBesideIt() throws {
        // Few consumers over many stacks: the newcomer lands in a stack of its own.
        let names = ["alpha", "beta"]
        let before = try Self.splitFiles(Self.service(names), stacks: 400)
        let after = try Self.splitFiles(Self.service(names + ["gamma"]), stacks: 400)
        let gamma = "stacks/" + StackSplitter(options: SplitOptions(stackCount: 400)).stackLogicalID(
            StackPartition.stack(forKey: "GammaLambdaFunction", count: 400)) + ".yaml"
        #expect(before[gamma] == nil)
        #expect(Set(after.keys) == Set(before.keys).union([gamma]))
        #expect(after.keys.filter { after[$0] != before[$0] }.sorted() == ["root.yaml", gamma].sorted())
    }

    @Test(arguments: TemplateFormat.allCases)
    func theSameServiceSplitsToTheSameBytes(format: TemplateFormat) throws {
        let first = try Self.split(Self.service(Self.names(100)), format: format)
        let second = try Self.split(Self.service(Self.names(100)), format: format)
        #expect(first == second)
        #expect(first.files.first?.path == "root.\(format.rawValue)")
        #expect(first.files.dropFirst().allSatisfy { $0.path.hasPrefix("stacks/ConsumerStack") && $0.path.hasSuffix(".\(format.rawValue)") })
    }

    @Test func aSharedRoleThatListsEveryQueueCannotBeSplitAndSaysWhy() throws {
        let error = #expect(throws: ValidationFailure.self) {
            try Self.split(Self.service(["billing", "shipping"], roles: .shared), stacks: 4)
        }
        let found = error?.errors ?? []
        #expect(found.map(\.code) == ["FAN702"])
        #expect(found.first?.message.contains("IamRoleLambdaExecution") == true)
        #expect(found.first?.message.contains("roles: .perFunction") == true)
        // The clean twin: per-function roles split.
        #expect(try Self.split(Self.service(["billing", "shipping"]), stacks: 4).files.count >= 2)
    }

    @Test func aStackOverTheResourceLimitIsAnErrorNamingItsConsumersNeverAMove() throws {
        let error = #expect(throws: ValidationFailure.self) {
            try Self.split(Self.service(Self.names(70)), stacks: 1)
        }
        let found = error?.errors ?? []
        #expect(found.map(\.code) == ["FAN701"])
        let message = found.first?.message ?? ""
        #expect(message.hasPrefix("nested stack ConsumerStack0 (consumers consumer0000, consumer0001, consumer0002, consumer0003, consumer0004 and 65 more) has 560 resources; CloudFormation allows 500 per template."))
        #expect(message.contains("give a consumer you are adding another name (such as 'consumer0069'), or raise --stacks from 1"))
        // 60 consumers fit one stack, with a warning as it fills.
        let near = try Self.split(Self.service(Self.names(60)), stacks: 1)
        #expect(Self.findings(near).map(\.code) == ["FAN703"])
        #expect(near.files.count == 2)
    }

    @Test func moreResourcesThanOneOperationCreatesIsAWarningToDeployInBatches() throws {
        let over = try Self.split(Self.service(Self.names(320)))
        #expect(Self.findings(over).map(\.code) == ["FAN705"])
        #expect(Self.findings(over).first?.severity == .warning)
        #expect(Self.findings(over).first?.message == "the root and its nested stacks hold 2601 resources; CloudFormation creates, updates or deletes at most 2500 in one operation on nested stacks: deploy a new service in batches of consumers (about 277 at a time), then each later deploy changes only what changed")
        #expect(Self.findings(try Self.split(Self.service(Self.names(300)))).isEmpty)
    }

    @Test(arguments: [0, 451])
    func aStackCountOutOfRangeIsRefused(count: Int) throws {
        let error = #expect(throws: ValidationFailure.self) { try Self.split(Self.service(["billing"]), stacks: count) }
        #expect(error?.errors.map(\.code) == ["FAN704"])
    }

    @Test func consumersThatReferToEachOtherShareAStackAndTheRootReadsOutputs() throws {
        let service = Service("linked", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("OrdersTopic")
            topic
            FanOut(from: topic) {
                Consumer("first", handler: "src/first.handler") {
                    Environment("NEXT_QUEUE", .ref("SecondQueue"))
                }
                Consumer("second", handler: "src/second.handler")
            }
            Output("SecondQueueArn", value: .getAtt("SecondQueue", "Arn"))
        }
        let templates = StackSplitter(options: SplitOptions(stackCount: 400)).split(
            Pipeline().bind(service), Pipeline().translate(Pipeline().bind(service)).template)
        #expect(templates.diagnostics.isEmpty)
        #expect(templates.nested.count == 1)
        #expect(templates.nested.first?.consumers == ["first", "second"])
        let id = try #require(templates.nested.first?.logicalID)
        #expect(templates.root.mapValue?["Outputs"]?.mapValue?["SecondQueueArn"] == ["Value": .getAtt(id, "Outputs.SecondQueueArn")])
        #expect(templates.nested.first?.template.mapValue?["Outputs"]?.mapValue?["SecondQueueArn"] == ["Value": .getAtt("SecondQueue", "Arn")])
    }

    @Test func aServiceWithoutConsumersIsTheRootAlone() throws {
        let service = Service("plain", runtime: .nodejs24x) { Topic("OnlyTopic") }
        let emission = try Self.split(service)
        #expect(emission.files.map(\.path) == ["root.yaml"])
        #expect(emission.files.first?.text == (try Pipeline(date: Self.day).emit(service, as: .cloudFormation(.yaml)).text))
    }

    @Test func withoutSplitTheLimitFindingsPointToIt() throws {
        let findings = Pipeline(date: Self.day).lint(Self.service(Self.names(70)))
        let count = findings.first { $0.code == "FAN403" }
        #expect(count?.severity == .error)
        #expect(count?.message.contains("fanout emit cloudformation --split DIR") == true)
        let size = TemplateSizeRule.diagnostics(size: 1_000_001, format: .yaml, at: SourceLocation(file: "x", line: 1))
        #expect(size.first?.message.contains("fanout emit cloudformation --split DIR") == true)
        // With --split the whole template's count is no finding: each stack is counted instead.
        #expect(Self.findings(try Self.split(Self.service(Self.names(70)))).isEmpty)
    }

    /// A folder under the temporary directory for one test's files.
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fanout-split-\(UUID().uuidString)").path
    }

    /// cfn-lint's W3002 says a local `TemplateURL` works only through `aws cloudformation
    /// package`: that is how a split deploys (see the README), so it is the one check ignored.
    static let packagedTemplateURL = ["--ignore-checks", "W3002"]

    /// cfn-lint over every file of `emission`, in one call (it then also checks the
    /// parameters each stack passes against its nested template).
    static func cfnLint(_ emission: SplitEmission) throws -> ProgramResult {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try emission.write(to: folder)
        return try Oracles.run("cfn_lint.py", emission.files.map { folder + "/" + $0.path } + packagedTemplateURL)
    }

    /// YAML at 1,000 consumers (minutes of cfn-lint); JSON on the production example below.
    @Test(.slow, .tags(.oracle))
    func everyTemplateOfAThousandConsumerSplitPassesCfnLint() throws {
        let emission = try Self.split(Self.service(Self.names(1000)))
        #expect(emission.files.count == 33)
        let result = try Self.cfnLint(emission)
        #expect(result.status == 0, "cfn-lint:\n\(result.standardOutput.prefix(4000))\(result.standardError.prefix(4000))")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(.slow, .tags(.oracle), arguments: TemplateFormat.allCases)
    func everyTemplateOfTheSplitProductionExamplePassesCfnLint(format: TemplateFormat) throws {
        let emission = try Pipeline(date: Self.day).emitSplit(
            Examples.production, options: SplitOptions(stackCount: try #require(Self.productionStackCount()), format: format))
        #expect(emission.files.count >= 3)
        let result = try Self.cfnLint(emission)
        #expect(result.status == 0, "cfn-lint:\n\(result.standardOutput.prefix(4000))\(result.standardError.prefix(4000))")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func writingASplitPutsTheRootBesideItsStacksFolder() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let emission = try Self.split(Self.service(["billing", "shipping", "audit"]), stacks: 8)
        try emission.write(to: folder)
        try emission.write(to: folder)  // again, over the first
        for file in emission.files {
            #expect(try String(contentsOfFile: folder + "/" + file.path, encoding: .utf8) == file.text)
        }
        let listed = try FileManager.default.contentsOfDirectory(atPath: folder + "/stacks").sorted()
        #expect(listed == emission.files.dropFirst().map { String($0.path.dropFirst("stacks/".count)) }.sorted())
        // A file where the folder should be is an error that says so.
        let file = folder + "/root.yaml"
        #expect(throws: FileWriteError.self) { try emission.write(to: file) }
    }

    /// The production example's consumers, by the key that picks their stack.
    static let productionConsumers = ["ProcessorOne", "ProcessorTwo", "UrgentProcessor"]

    /// The smallest stack count that puts the production example's consumers in two stacks.
    static func productionStackCount() -> Int? {
        (2...20).first { count in
            Set(productionConsumers.map { StackPartition.stack(forKey: $0 + "LambdaFunction", count: count) }).count >= 2
        }
    }

    @Test(.slow) func theCommandWritesTheSplitTheLibraryEmits() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runFanout(["emit", "cloudformation", "--example", "production", "--split", folder, "--stacks", "8", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let expected = try Pipeline(date: Self.day).emitSplit(Examples.production, options: SplitOptions(stackCount: 8, format: .json))
        #expect(expected.files.count >= 2)
        for file in expected.files {
            #expect(try String(contentsOfFile: folder + "/" + file.path, encoding: .utf8) == file.text, "\(file.path)")
        }
        let both = try runFanout(["emit", "cloudformation", "--split", folder, "-o", folder + "/x.yaml"])
        #expect(both.status != 0)
        #expect(both.standardError.contains("--split writes its templates into its folder; leave out -o/--output"))
    }

    @Test(.slow, .tags(.oracle)) func aSplitFanOutDeliversToAConsumerInEachNestedStackOnMoto() throws {
        let count = try #require(Self.productionStackCount())
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let emitted = try runFanout(["emit", "cloudformation", "--example", "production", "--split", folder, "--stacks", String(count)])
        #expect(emitted.status == 0, "\(emitted.standardError)")
        let result = try Oracles.run("moto_fanout.py", [
            folder + "/root.yaml", "--stack", "serverless-async-fanout-dev", "--region", "eu-central-1",
            "--code-dir", PackageRoot.path("Templates/production"), "--expect-dead-letter-queues", "--expect-alarms", "--nested",
        ])
        let output = result.standardOutput
        #expect(result.status == 0, "moto:\n\(output)\(result.standardError)")
        let splitter = StackSplitter(options: SplitOptions(stackCount: count))
        let stacks = Self.productionConsumers.map {
            splitter.stackLogicalID(StackPartition.stack(forKey: $0 + "LambdaFunction", count: count))
        }
        #expect(Set(stacks).count >= 2)
        #expect(output.contains("ok: the root deploys \(Set(stacks).count) nested stacks (at least two)"))
        for (consumer, stack) in zip(Self.productionConsumers, stacks) {
            #expect(output.contains("ok: nested stack \(stack) created (CREATE_COMPLETE)"))
            #expect(output.contains("ok: \(stack)/\(consumer)Subscription: raw body is the published message"), "\(output)")
            #expect(output.contains("ok: \(stack)/\(consumer)Subscription: queue policy lets sns.amazonaws.com send from the topic"))
            // A nested stack's alarms notify the root's alarm topic, passed as a parameter.
            let key = "serverless-async-fanout-dev-" + consumer.prefix(1).lowercased() + consumer.dropFirst()
            #expect(output.contains("ok: \(stack)/\(consumer)Subscription: \(key)-dead-letters notifies serverless-async-fanout-dev-alarms"))
        }
        #expect(output.contains("ok: ApiGatewayMethodTriggerPost: integration invokes serverless-async-fanout-dev-trigger"))
        #expect(output.hasSuffix(" 0 failed\n"))
    }
}
