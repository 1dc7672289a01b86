import Fanout
import Testing

/// Cases found in review: conditions, variables, collisions, regions, key ARNs.
@Suite struct ReviewRegressionTests {
    let topic = Fixtures.topic
    let queue = Fixtures.queue

    func edge(condition: Condition, principal: Principal = .service("sns.amazonaws.com")) -> Service {
        Service("svc", runtime: .nodejs24x) {
            topic
            Topic("Other")
            Fixtures.deadLetters
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
            Fixtures.deadLetters
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
        let json = try Pipeline().emit(service, as: .cloudFormation(.json))
        let yaml = try Pipeline().emit(service, as: .cloudFormation(.yaml))
        #expect(json.diagnostics.map(\.code) == ["FAN404"])
        #expect(json.diagnostics.first?.message.contains("is \(json.text.utf8.count) bytes as JSON") == true)
        #expect(yaml.diagnostics.map(\.code) == [])
        // lint renders nothing: it counts the JSON rendering's bytes from the value tree.
        #expect(Validator().validate(service, on: Fixtures.day).map(\.code) == ["FAN404"])
        #expect(Validator().validate(service, on: Fixtures.day, target: .serverless).map(\.code) == [])
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

/// Cases from the second review: FIFO dead letters, shared keys, fan-in sizes, filter shapes.
@Suite struct ConstructReviewTests {
    @Test func fifoTopicsSubscriptionDeadLetterQueueIsFIFO() {
        let ledger = Topic("Ledger", name: "ledger", fifo: true)
        let service = Service("bank", runtime: .nodejs24x, roles: .perFunction) {
            ledger
            FanOut(fromFIFO: ledger) {
                Consumer("reporting", handler: "r.handler", subscriptionDeadLetterQueue: true)
                FIFOConsumer("posting", handler: "p.handler", maximumConcurrency: 5, subscriptionDeadLetterQueue: true)
            }
        }
        #expect((service.resource("ReportingSubscriptionDeadLetterQueue") as? Queue)?.fifo == true)
        #expect((service.resource("ReportingQueue") as? Queue)?.fifo == false)
        #expect(Fixtures.codes(service) == [])
        let mismatched = Service("bank", runtime: .nodejs24x) {
            ledger
            let dlq = Queue("Dead", name: "dead")
            dlq
            for component in [Fixtures.deadLetters, Fixtures.queue] as [any ServiceComponent] { component }
            let policy = QueuePolicy("P", queues: [Fixtures.queue]) {
                Statement(principal: .service("sns.amazonaws.com"), actions: "sqs:SendMessage",
                          resources: .one(Fixtures.queue.arn), condition: .arnEquals("aws:SourceArn", ledger.arn))
            }
            policy
            Subscription("Sub", topic: ledger, queue: Fixtures.queue, rawMessageDelivery: true, deadLetterQueue: dlq)
                .dependsOn(policy)
        }
        #expect(Fixtures.codes(mismatched).contains("FAN204"))
    }

    @Test(.slow, .tags(.oracle)) func oneKeyForTwoFanOutsHasOneGrantListingBothTopics() throws {
        let key = KMSKey("Key")
        let first = Topic("First"), second = Topic("Second")
        let service = Service("svc", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            first
            second
            key
            FanOut(from: first) { Consumer("a", handler: "a.handler", encryption: .kms(key.id)) }
            FanOut(from: second) { Consumer("b", handler: "b.handler", encryption: .kms(key.arn)) }
        }
        let grants = (Pipeline().bind(service).resource("Key") as? KMSKey)?.grants ?? []
        #expect(grants.count == 1)
        #expect(grants.first?.condition?.values(for: "aws:SourceArn") == [first.arn, second.arn])
        #expect(Fixtures.codes(service) == [])
        let path = try temporaryFile(try service.cloudFormation(.yaml), suffix: ".yaml")
        let lint = try Oracles.cfnLint(path)
        #expect(lint.status == 0, "\(lint.standardOutput)")
    }

    @Test func fanInPolicySizeCountsResolvedARNs() {
        func service(topics count: Int) -> Service {
            let topics = (0..<count).map { Topic("Topic\($0)") }
            return Service("svc", runtime: .nodejs24x, roles: .perFunction) {
                for topic in topics { topic }
                FanOut(from: topics) { Consumer("audit", handler: "a.handler") }
            }
        }
        #expect(Fixtures.codes(service(topics: 100)).contains("FAN406"))
        #expect(Fixtures.codes(service(topics: 40)) == [])
    }

    @Test func namedSubscriptionsStayDistinctInAFanIn() {
        let a = Topic("A"), b = Topic("B")
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            a
            b
            FanOut(from: [a, b, a]) { Consumer("audit", handler: "x.handler").named(subscription: "AuditFeed") }
        }
        #expect(service.resources.map(\.logicalID).filter { $0.hasPrefix("AuditFeed") } == ["AuditFeedA", "AuditFeedB"])
        #expect(Fixtures.codes(service) == [])
    }

    @Test func filterPolicyShapeIsChecked() {
        func service(_ filter: (Consumer) -> Consumer) -> Service {
            Service("svc", runtime: .nodejs24x, roles: .perFunction) {
                Fixtures.topic
                FanOut(from: Fixtures.topic) { filter(Consumer("c", handler: "c.handler")) }
            }
        }
        #expect(Fixtures.codes(service { $0.filter(["eventType": "order_placed"]) }) == ["FAN207"])
        #expect(Fixtures.codes(service { $0.filter(["order": ["type": ["placed"]]]) }) == ["FAN207"])
        #expect(Fixtures.codes(service { $0.filter(body: ["order": ["type": ["placed"]]]) }) == [])
        #expect(Fixtures.codes(service { $0.filter(["eventType": ["order_placed"]]) }) == [])
    }

    @Test func fanOutFromNoTopicIsReported() {
        let service = Service("svc", runtime: .nodejs24x, roles: .perFunction) {
            FanOut(from: []) { Consumer("c", handler: "c.handler") }
        }
        // Reported as what it is (no topic), no longer as a too broad policy (FAN102).
        #expect(Fixtures.codes(service) == ["FAN108"])
    }
}
