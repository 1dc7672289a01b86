import Fanout
import FanoutExamples
import Testing

/// Log retention, topic encryption and the checkov skip table, without running checkov.
@Suite struct SecureDefaultsTests {
    static func resources(_ service: Service, options: CloudFormationOptions = CloudFormationOptions()) -> [String: Value] {
        let template = CloudFormationTranslator(options: options).translate(service).template
        return (template.mapValue?["Resources"]?.mapValue).map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) } ?? [:]
    }

    static func properties(_ resource: Value?) -> [String: Value] {
        (resource?.mapValue?["Properties"]?.mapValue).map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) } ?? [:]
    }

    static func skips(_ resource: Value?) -> [String] {
        guard case .list(let skips)? = resource?.mapValue?["Metadata"]?.mapValue?["checkov"]?.mapValue?["skip"] else { return [] }
        return skips.compactMap { $0.mapValue?["id"]?.stringValue }
    }

    static func service(retention: LogRetention? = nil, functionRetention: LogRetention? = nil,
                        encryption: TopicEncryption? = nil) -> Service {
        Service("shop", runtime: .nodejs24x, region: "eu-west-1", roles: .perFunction, logRetentionInDays: retention) {
            let topic = Topic("Orders", encryption: encryption)
            topic
            Function("api", handler: "src/api.handler", logRetentionInDays: functionRetention) {
                HTTP(.post, "/orders", authorization: .iam)
                Publishes(to: topic)
            }
            Function("worker", handler: "src/worker.handler")
        }
    }

    @Test func retentionIsWhatCloudWatchAccepts() {
        #expect(LogRetention.allCases.map(\.days) == [
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
        ])
        #expect(LogRetention(rawValue: 42) == nil)
    }

    @Test func retentionReachesBothOutputs() throws {
        let service = Self.service(retention: .twoWeeks, functionRetention: .oneYear)
        let yaml = try service.serverlessYAML()
        #expect(yaml.contains("  logRetentionInDays: 14\n"))
        #expect(yaml.contains("    logRetentionInDays: 365\n"))
        let resources = Self.resources(service)
        #expect(Self.properties(resources["ApiLogGroup"])["RetentionInDays"] == .int(365))
        #expect(Self.properties(resources["WorkerLogGroup"])["RetentionInDays"] == .int(14))
        #expect(Pipeline().lint(service).filter { $0.code == "FAN831" } == [])
    }

    @Test func aLogGroupWithoutRetentionIsNoted() {
        let service = Self.service(functionRetention: .oneMonth)
        let notes = Pipeline().lint(service).filter { $0.code == "FAN831" }
        #expect(notes.map(\.severity) == [.note])
        #expect(notes.map(\.path) == ["functions.worker.logRetentionInDays"])
        #expect(Self.properties(Self.resources(service)["WorkerLogGroup"])["RetentionInDays"] == nil)
    }

    @Test func anUnencryptedTopicIsNotedAndAnEncryptedOneIsNot() {
        let plain = Pipeline().lint(Self.service()).filter { $0.code == "FAN832" }
        #expect(plain.map(\.path) == ["Resources.Orders.Properties.KmsMasterKeyId"])
        #expect(Pipeline().lint(Self.service(encryption: .awsManaged)).filter { $0.code == "FAN832" } == [])
    }

    @Test func aCustomerKeyOnTheTopicGrantsItsPublishers() {
        let key = KMSKey("OrdersKey")
        var service = Self.service(encryption: .kms(key))
        service.resources.insert(key, at: 0)
        let resources = Self.resources(service)
        #expect(Self.properties(resources["Orders"])["KmsMasterKeyId"] == .ref("OrdersKey"))
        let api = service.functions[0].iamStatements
        #expect(api.count == 2)
        #expect(api.last?.actions == ["kms:GenerateDataKey", "kms:Decrypt"])
        #expect(api.last?.resources == [.getAtt("OrdersKey", "Arn")])
        #expect(Pipeline().lint(service).filter { $0.severity != .note } == [])
    }

    @Test func theAWSManagedKeyNeedsNoGrant() {
        let service = Self.service(encryption: .awsManaged)
        #expect(Self.properties(Self.resources(service)["Orders"])["KmsMasterKeyId"] == "alias/aws/sns")
        #expect(service.functions[0].iamStatements.map(\.actions) == [["sns:Publish"]])
    }

    @Test func skipsFollowTheTable() {
        let resources = Self.resources(Examples.production)
        #expect(Self.skips(resources["TriggerLambdaFunction"]) == ["CKV_AWS_117", "CKV_AWS_116", "CKV_AWS_115", "CKV_AWS_173"])
        #expect(Self.skips(resources["ProcessorOneLambdaFunction"]) == ["CKV_AWS_117", "CKV_AWS_116", "CKV_AWS_115"])
        #expect(Self.skips(resources["ProcessorOneQueue"]) == ["CKV_AWS_27"])
        #expect(Self.skips(resources["TriggerLogGroup"]) == ["CKV_AWS_158"])
        // User choices stay findings: the topic, the API method.
        #expect(Self.skips(resources["NotificationTopic"]) == [])
        #expect(Self.skips(resources["ApiGatewayMethodTriggerPost"]) == [])
    }

    @Test func aConsumerWithoutDeadLetterQueueKeepsItsLambdaDLQFinding() {
        // The tutorial's queues have no dead-letter queue: FAN205 reports it, and checkov's
        // CKV_AWS_116 on the consumer stays, where the production example's is skipped.
        let resources = Self.resources(Examples.tutorial)
        #expect(Self.skips(resources["ProcessorOneLambdaFunction"]) == ["CKV_AWS_117", "CKV_AWS_115"])
        #expect(Self.skips(resources["TriggerLambdaFunction"]) == ["CKV_AWS_117", "CKV_AWS_116", "CKV_AWS_115", "CKV_AWS_173"])
    }

    @Test func aLiteralEnvironmentValueKeepsTheEncryptionFinding() {
        let service = Service("shop", runtime: .nodejs24x) {
            Function("api", handler: "src/api.handler") {
                HTTP(.post, "/orders")
                Environment("API_TOKEN", "s3cr3t")
            }
        }
        #expect(!Self.skips(Self.resources(service)["ApiLambdaFunction"]).contains("CKV_AWS_173"))
    }

    @Test func theTableCanBeTurnedOff() {
        var options = CloudFormationOptions()
        options.scannerSkips = false
        for (_, resource) in Self.resources(Examples.production, options: options) {
            #expect(resource.mapValue?["Metadata"] == nil)
        }
    }

    @Test func serverlessYAMLCarriesNoSkips() throws {
        #expect(!(try Examples.production.serverlessYAML()).contains("checkov"))
    }
}

/// FAN833: publishing to a topic encrypted with a declared key takes the key.
@Suite struct TopicKeyPermissionTests {
    static func service(grantKey: Bool, action: String = "kms:GenerateDataKey") -> Service {
        Service("shop", runtime: .nodejs24x, region: "eu-west-1") {
            let key = KMSKey("OrdersKey")
            key
            let topic = Topic("Orders", encryption: .kms(key))
            topic
            Function("api", handler: "src/api.handler") {
                Environment("TOPIC_ARN", topic.arn)
                Statement(actions: ["sns:Publish"], resources: [topic.arn])
                if grantKey { Statement(actions: [action, "kms:Decrypt"], resources: [key.arn]) }
            }
        }
    }

    @Test func aHandWrittenPublisherWithoutTheKeyIsAnError() {
        let errors = Pipeline().lint(Self.service(grantKey: false)).filter { $0.code == "FAN833" }
        #expect(errors.map(\.severity) == [.error])
        #expect(errors.first?.message.contains("no IAM statement allows kms:GenerateDataKey and kms:Decrypt on the key") == true)
    }

    @Test(arguments: ["kms:GenerateDataKey", "kms:GenerateDataKey*", "kms:*"])
    func theKeyGrantedIsClean(action: String) {
        #expect(Pipeline().lint(Self.service(grantKey: true, action: action)).filter { $0.code == "FAN833" } == [])
    }

    @Test func publishesGrantsIt() {
        let key = KMSKey("OrdersKey")
        var service = SecureDefaultsTests.service(encryption: .kms(key))
        service.resources.insert(key, at: 0)
        #expect(Pipeline().lint(service).filter { $0.code == "FAN833" } == [])
    }
}
