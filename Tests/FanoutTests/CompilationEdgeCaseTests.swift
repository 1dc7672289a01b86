import Fanout
import Testing

/// Edge cases of compilation and validation: merged conditions, condition operators, variables
/// with fallbacks, logical-ID collisions, unknown regions, template size, key ARNs.
@Suite struct CompilationEdgeCaseTests {
    let topic = Fixtures.topic
    let queue = Fixtures.queue

    func edge(condition: Condition, principal: Principal = .service("sns.amazonaws.com")) -> Service {
        Service("svc", runtime: .nodejs24x) {
            topic
            Topic("Other")
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            let policy = QueuePolicy("P", queues: [queue]) {
                Statement(principal: principal, actions: "sqs:SendMessage", resources: .one(queue.arn), condition: condition)
            }
            policy
            Subscription("Sub", topic: topic, queue: queue, rawMessageDelivery: true).dependsOn(policy)
        }
    }

    @Test func repeatedConditionKeysAreMergedNotOverwritten() {
        let condition = Condition.arnEquals("aws:SourceArn", .ref("Other")).and(.arnEquals("aws:SourceArn", topic.arn))
        #expect(condition.value == ["ArnEquals": ["aws:SourceArn": [.ref("Other"), topic.arn]]])
        #expect(Fixtures.codes(edge(condition: condition)) == [])
    }

    @Test func conditionOperatorsAreRespected() {
        #expect(Fixtures.codes(edge(condition: .arnLike("aws:SourceArn", "arn:aws:sns:*:123456789012:*"))) == [])
        let excluded = Condition([Condition.Clause("ArnNotEquals", "aws:SourceArn", .one(topic.arn))])
        #expect(Fixtures.codes(edge(condition: excluded)) == ["FAN101"])
    }

    @Test func namedPrincipalNeedsNoSourceCondition() {
        let role = Principal.aws(.one("arn:aws:iam::123456789012:role/sender"))
        let service = Service("svc", runtime: .nodejs24x) {
            Fixtures.deadLetters; Fixtures.deadLetterAlarm
            queue
            QueuePolicy("P", queues: [queue]) {
                Statement(principal: role, actions: "sqs:SendMessage", resources: .one(queue.arn))
            }
        }
        #expect(Fixtures.codes(service) == [])
    }

    @Test func variablesWithFallbacksAndArgumentsAreVariables() {
        let text: Text = "${opt:stage, 'dev'}-${file(./config.json):suffix}"
        #expect(text.variables.map(\.meaning) == [.stage, nil])
        let service = Service("svc", runtime: .nodejs24x) { Queue("Q", name: text) }
        #expect(Validator().validate(service, on: Fixtures.day).map(\.code) == ["FAN006"])
        #expect(Validator().validate(service, on: Fixtures.day, target: .serverless).map(\.code) == [])
    }

    @Test func twoMappingsWithOneIDAreAnError() {
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge { component }
            Function("consumer", handler: "c.handler") {
                SQS(queue)
                SQS(queue, batchSize: 5)
            }
        }
        #expect(Fixtures.codes(service) == ["FAN006"])
    }

    @Test func pathsThatDifferOnlyInCaseAreAnError() {
        let service = Service("svc", runtime: .nodejs24x) {
            Function("api", handler: "a.handler") {
                HTTP(.get, "/fanOut")
                HTTP(.post, "/fanout")
            }
        }
        #expect(Fixtures.codes(service) == ["FAN006"])
    }

    @Test func unknownRegionIsLeftToTheDeployment() throws {
        let service = Service("svc", runtime: .nodejs24x) { Queue("Q", name: "\(Variable.service)-\(Variable.region)-q") }
        let template = CloudFormationTranslator().translate(service).template
        let name = template.mapValue?["Resources"]?.mapValue?["Q"]?.mapValue?["Properties"]?.mapValue?["QueueName"]
        #expect(name == .sub("svc-${AWS::Region}-q"))
        let pinned = CloudFormationTranslator(options: .init(region: "eu-west-1")).translate(service).template
        #expect(pinned.mapValue?["Resources"]?.mapValue?["Q"]?.mapValue?["Properties"]?.mapValue?["QueueName"] == .string("svc-eu-west-1-q"))
    }

    @Test func templateSizeIsMeasuredInTheFormatEmitted() throws {
        let service = Service("svc", runtime: .nodejs24x) {
            for index in 0..<20 {
                Function("f\(index)", handler: "f.handler") {
                    // 45,731 bytes as YAML, 53,287 as JSON.
                    Environment("PAYLOAD", .string(String(repeating: "x", count: 1700)))
                }
            }
        }
        // Sizes measured without the checkov skips' Metadata.
        let options = Fixtures.withoutScannerSkips
        let json = try Pipeline(options: options).emit(service, as: .cloudFormation(.json))
        let yaml = try Pipeline(options: options).emit(service, as: .cloudFormation(.yaml))
        #expect(json.diagnostics.decided.map(\.code) == ["FAN404"])
        #expect(json.diagnostics.first?.message.contains("is \(json.text.utf8.count) bytes as JSON") == true)
        #expect(yaml.diagnostics.decided.map(\.code) == [])
        // lint renders nothing: it counts the JSON rendering's bytes from the value tree.
        #expect(Validator().validate(service, on: Fixtures.day, options: options).decided.map(\.code) == ["FAN404"])
        #expect(Validator().validate(service, on: Fixtures.day, target: .serverless).decided.map(\.code) == [])
    }

    @Test func decryptNamesTheKeyByARN() {
        func statement(_ key: Value) -> Statement? {
            let service = Service("svc", runtime: .nodejs24x) {
                topic
                FanOut(from: topic) { Consumer("c", handler: "c.handler", encryption: .kms(key)) }
            }
            return service.functions[0].iamStatements.first { $0.actions == ["kms:Decrypt"] }
        }
        #expect(statement("1234abcd-12ab-34cd-56ef-1234567890ab")?.resources
            == [.sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab")])
        #expect(statement("arn:aws:kms:eu-west-1:123456789012:key/k")?.resources == ["arn:aws:kms:eu-west-1:123456789012:key/k"])
        let viaAlias = statement("alias/orders")
        #expect(viaAlias?.resources == ["*"])
        #expect(viaAlias?.condition == .stringEquals("kms:ViaService", .sub("sqs.${AWS::Region}.amazonaws.com")))
    }
}
