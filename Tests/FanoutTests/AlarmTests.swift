import Fanout
import Foundation
import OrderedCollections
import Testing

/// The CloudWatch alarms a FanOut derives for its consumers, their thresholds, where they
/// notify, how to turn them off, and FAN801 for a dead-letter queue no alarm watches.
@Suite struct AlarmTests {
    static let day = Day(year: 2026, month: 11, day: 26)
    let topic = Topic("Placed", name: "placed")

    func service(@ServiceBuilder _ content: () -> [any ServiceComponent]) -> Service {
        Service("orders", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction, content)
    }

    func alarms(_ service: Service) -> [Alarm] { service.resources.compactMap { $0 as? Alarm } }

    @Test func eachConsumerGetsADeadLetterAndAnAgeAlarmNotifyingTheAlarmTopic() throws {
        let line = #line + 3
        let service = service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }
        }
        #expect(service.resources.map(\.logicalID) == [
            "Placed", "BillingDeadLetterQueue", "BillingQueue", "BillingQueuePolicy", "BillingSubscription",
            "BillingDeadLetterQueueAlarm", "BillingQueueAgeAlarm", "AlarmTopic",
        ])
        let deadLetters = try #require(service.resource("BillingDeadLetterQueueAlarm") as? Alarm)
        #expect(deadLetters.definition == [
            "Type": "AWS::CloudWatch::Alarm",
            "Properties": [
                "AlarmName": .text("\(Variable.service)-\(Variable.stage)-billing-dead-letters"),
                "AlarmDescription": "billing gave up on messages: they wait in BillingDeadLetterQueue until they expire. Find the cause, then redrive them.",
                "Namespace": "AWS/SQS",
                "MetricName": "ApproximateNumberOfMessagesVisible",
                "Dimensions": [["Name": "QueueName", "Value": .getAtt("BillingDeadLetterQueue", "QueueName")]],
                "Statistic": "Maximum",
                "Period": 60,
                "EvaluationPeriods": 1,
                "Threshold": 0,
                "ComparisonOperator": "GreaterThanThreshold",
                "TreatMissingData": "notBreaching",
                "AlarmActions": [.ref("AlarmTopic")],
                "OKActions": [.ref("AlarmTopic")],
            ],
        ])
        #expect(deadLetters.location.line == line)
        let age = try #require(service.resource("BillingQueueAgeAlarm") as? Alarm)
        #expect(age.metric == "ApproximateAgeOfOldestMessage")
        #expect(age.dimensions == ["QueueName": .getAtt("BillingQueue", "QueueName")])
        #expect(age.threshold == 180)  // visibility 36 s (6 × 6 s) × 5 receives
        #expect(age.name?.description == "${self:service}-${sls:stage}-billing-message-age")
        let alarmTopic = try #require(service.resource("AlarmTopic") as? Topic)
        #expect(alarmTopic.name?.description == "${self:service}-${sls:stage}-alarms")
        #expect(Validator().validate(service, on: Self.day).decided == [])
    }

    @Test func theAgeThresholdIsVisibilityTimesReceivesBetweenAMinuteAndHalfTheRetention() {
        let derive = ConsumerAlarms.derivedMessageAge
        #expect(derive(36, 5, nil) == 180)
        #expect(derive(65, 3, nil) == 195)
        #expect(derive(36, nil, nil) == 60)          // no dead-letter queue: one receive; at least a minute
        #expect(derive(10, 2, nil) == 60)
        #expect(derive(43_200, 5, nil) == 172_800)   // half of SQS's default 4 days
        #expect(derive(600, 5, 1_200) == 600)        // half of the queue's own retention
        #expect(derive(30, 5, 60) == 60)             // the minute wins over a tiny retention
        #expect(derive(.max, 5, nil) == 172_800)     // no overflow
        #expect(derive(-5, 5, nil) == 60)
        // From the consumer's own settings: timeout 10 s, window 5 s → visibility 65 s; 3 receives.
        let service = service {
            topic
            FanOut(from: topic) {
                Consumer("shipping", handler: "src/shipping.handler", timeout: 10, batchingWindow: 5, maxReceiveCount: 3)
                Consumer("audit", handler: "src/audit.handler", visibilityTimeout: 900)
            }
        }
        #expect(alarms(service).filter { $0.metric == "ApproximateAgeOfOldestMessage" }.map(\.threshold) == [195, 4_500])
    }

    @Test func consumersChooseTheirThresholdsOrNoAlarm() {
        let service = service {
            topic
            FanOut(from: topic) {
                Consumer("reports", handler: "src/reports.handler").alarms(oldestMessageAge: .above(3600))
                Consumer("audit", handler: "src/audit.handler").alarms(deadLetterMessages: .above(10), oldestMessageAge: .off)
                Consumer("quiet", handler: "src/quiet.handler").withoutAlarms()
                Consumer("plain", handler: "src/plain.handler", maxReceiveCount: nil)
            }
        }
        #expect(alarms(service).map { "\($0.logicalID) \($0.threshold)" } == [
            "ReportsDeadLetterQueueAlarm 0", "ReportsQueueAgeAlarm 3600",
            "AuditDeadLetterQueueAlarm 10",
            "PlainQueueAgeAlarm 60",
        ])
        // The opted-out consumer's dead-letter queue is noted; nothing else is.
        let findings = Validator().validate(service, on: Self.day).decided
        #expect(findings.map(\.code).sorted() == ["FAN205", "FAN801"])  // FAN205: plain has no dead-letter queue
        #expect(findings.first { $0.code == "FAN801" }?.path == "Resources.QuietDeadLetterQueue")
    }

    @Test func aFanOutWithoutAlarmsDeclaresNoAlarmTopic() {
        let service = service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }.withoutAlarms()
        }
        #expect(alarms(service).isEmpty)
        #expect(service.resource("AlarmTopic") == nil)
        // Every consumer opting out: no topic either.
        let optedOut = self.service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler").withoutAlarms() }
        }
        #expect(optedOut.resource("AlarmTopic") == nil)
    }

    @Test func alarmsGoToATopicTheServiceDeclaresOrAnyARN() {
        let ops = Topic("OpsTopic", name: "ops")
        let service = service {
            topic
            ops
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }.alarms(to: .topic(ops))
        }
        #expect(service.resource("AlarmTopic") == nil)
        #expect(Set(alarms(service).flatMap { $0.actions + $0.okActions }) == [.ref("OpsTopic")])
        #expect(Validator().validate(service, on: Self.day).decided == [])

        let imported: Value = .function("Fn::ImportValue", "ops-alarms")
        let elsewhere = self.service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }.alarms(to: .arn(imported))
        }
        #expect(alarms(elsewhere).map(\.actions) == [[imported], [imported]])
        #expect(elsewhere.resource("AlarmTopic") == nil)
    }

    @Test func emailAddressesAreSubscribedOnceToTheSharedAlarmTopic() throws {
        let other = Topic("Refunded", name: "refunded")
        let service = service {
            topic
            other
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }
                .alarms(email: "ops@example.com", "on-call@example.com")
            FanOut(from: other) { Consumer("refunds", handler: "src/refunds.handler") }
                .alarms(email: "ops@example.com")
        }
        #expect(service.resources.filter { $0.logicalID.hasPrefix("AlarmTopic") }.map(\.logicalID) == [
            "AlarmTopic", "AlarmTopicSubscriptionOpsexamplecom", "AlarmTopicSubscriptionOncallexamplecom",
        ])
        let subscription = try #require(service.resource("AlarmTopicSubscriptionOpsexamplecom") as? Subscription)
        #expect(subscription.properties == ["TopicArn": .ref("AlarmTopic"), "Protocol": "email", "Endpoint": "ops@example.com"])
        #expect(Set(alarms(service).flatMap(\.actions)) == [.ref("AlarmTopic")])
        #expect(Validator().validate(service, on: Self.day).decided == [])
    }

    @Test func addressesWithTheSameLettersKeepTheirOwnSubscriptions() {
        let service = service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }
                .alarms(email: "a.b@example.com", "ab@example.com", "a.b@example.com")
        }
        let subscriptions = service.resources.compactMap { $0 as? Subscription }.filter { $0.deliveryProtocol == .email }
        #expect(subscriptions.map { "\($0.logicalID) \($0.endpoint)" } == [
            "AlarmTopicSubscriptionAbexamplecom \(Value.string("a.b@example.com"))",
            "AlarmTopicSubscriptionAbexamplecom2 \(Value.string("ab@example.com"))",
        ])
    }

    @Test func fan802AnEmailSubscriptionThatIsNoAddress() throws {
        let line = #line + 3
        let service = service {
            topic
            FanOut(from: topic) { Consumer("billing", handler: "src/billing.handler") }
                .alarms(email: "ops-at-example.com")
        }
        let findings = Validator().validate(service, on: Self.day).decided
        #expect(findings.map(\.code) == ["FAN802"])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.location?.line == line)
        #expect(finding.path == "Resources.AlarmTopicSubscriptionOpsatexamplecom.Properties.Endpoint")
        #expect(finding.message == "AlarmTopicSubscriptionOpsatexamplecom subscribes 'ops-at-example.com' by e-mail, which is not an e-mail address: SNS refuses it and the deploy fails. Write it as name@domain")
        for bad in ["", "@example.com", "ops@", "ops@example", "ops@example.", "o ps@example.com", "a@b@example.com"] {
            #expect(!EmailEndpointRule.looksLikeAnAddress(bad), "\(bad)")
        }
        for good in ["ops@example.com", "first.last+alarms@mail.example.co.uk"] {
            #expect(EmailEndpointRule.looksLikeAnAddress(good), "\(good)")
        }
    }

    @Test func aSubscriptionDeadLetterQueueIsWatchedToo() throws {
        let service = service {
            topic
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler", subscriptionDeadLetterQueue: true)
            }
        }
        let alarm = try #require(service.resource("BillingSubscriptionDeadLetterQueueAlarm") as? Alarm)
        #expect(alarm.dimensions == ["QueueName": .getAtt("BillingSubscriptionDeadLetterQueue", "QueueName")])
        #expect(alarm.name?.description == "${self:service}-${sls:stage}-billing-undelivered")
        #expect(Validator().validate(service, on: Self.day).decided == [])
        let unwatched = self.service {
            topic
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler", subscriptionDeadLetterQueue: true)
                    .alarms(deadLetterMessages: .off)
            }
        }
        let findings = Validator().validate(unwatched, on: Self.day).decided
        #expect(findings.map(\.code) == ["FAN801", "FAN801"])
        #expect(findings.last?.message.hasPrefix(
            "BillingSubscriptionDeadLetterQueue receives the messages SNS could not deliver for BillingSubscription, but no CloudWatch alarm watches it") == true)
    }

    // MARK: - FAN801 with the low-level DSL

    /// A queue with a dead-letter queue, and optionally an alarm declared by `alarm`.
    func lowLevel(alarm: (Queue) -> [any ServiceComponent]) -> Service {
        let deadLetters = Queue("DeadLetters", name: "\(Variable.service)-dead-letters", line: 900)
        let work = Queue("Work", name: "\(Variable.service)-work", visibilityTimeout: 60,
                         redrivePolicy: RedrivePolicy(deadLetterQueue: deadLetters))
        return Service("svc", runtime: .nodejs24x) {
            deadLetters
            work
            for component in alarm(deadLetters) { component }
            Function("consumer", handler: "c.handler") { SQS(work, batchSize: 5) }
        }
    }

    @Test func fan801ADeadLetterQueueNoAlarmWatches() throws {
        let service = lowLevel { _ in [] }
        let findings = Validator().validate(service, on: Self.day).decided
        #expect(findings.map(\.code) == ["FAN801"])
        let finding = try #require(findings.first)
        #expect(finding.severity == .note)
        #expect(finding.location?.line == 900)
        #expect(finding.path == "Resources.DeadLetters")
        #expect(finding.message == "DeadLetters receives the messages the consumer of Work (consumer) gave up on, but no CloudWatch alarm watches it: they wait there unseen until they expire (4 days by default). Add an Alarm on its ApproximateNumberOfMessagesVisible (dimensions: [\"QueueName\": deadLetters.queueName]) that notifies a topic; FanOut consumers get one unless .withoutAlarms()")
        // An alarm on another queue does not count.
        let elsewhere = lowLevel { _ in
            [Alarm("WorkAlarm", metric: "ApproximateAgeOfOldestMessage", namespace: "AWS/SQS",
                   dimensions: ["QueueName": .getAtt("Work", "QueueName")], threshold: 60)]
        }
        #expect(Validator().validate(elsewhere, on: Self.day).decided.map(\.code) == ["FAN801"])
    }

    @Test func fan801CleanTwinsByReferenceByNameAndAsACustomResource() {
        let typed = lowLevel { deadLetters in
            [Alarm("DeadLettersAlarm", metric: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS",
                   dimensions: ["QueueName": deadLetters.queueName], threshold: 0)]
        }
        #expect(Validator().validate(typed, on: Self.day).decided == [])
        // The queue's name written out, variables and all, as a hand-written alarm would.
        let byName = lowLevel { _ in
            [Alarm("DeadLettersAlarm", metric: "ApproximateNumberOfMessagesVisible", namespace: "AWS/SQS",
                   dimensions: ["QueueName": .string("svc-dead-letters")], threshold: 0)]
        }
        #expect(Validator().validate(byName, on: Self.day).decided == [])
        let custom = lowLevel { _ in
            [CustomResource("DeadLettersAlarm", type: "AWS::CloudWatch::Alarm", properties: [
                "Metrics": [["Id": "m1", "MetricStat": [
                    "Metric": ["Namespace": "AWS/SQS", "MetricName": "ApproximateNumberOfMessagesVisible",
                               "Dimensions": [["Name": "QueueName", "Value": .getAtt("DeadLetters", "QueueName")]]],
                    "Period": 60, "Stat": "Maximum"]]],
                "EvaluationPeriods": 1, "Threshold": 0, "ComparisonOperator": "GreaterThanThreshold",
            ])]
        }
        #expect(Validator().validate(custom, on: Self.day).decided == [])
    }

    /// Every option at once passes cfn-lint with no exception: a declared topic, e-mails, a
    /// subscription dead-letter queue, custom and automatic thresholds.
    @Test(.slow, .tags(.oracle)) func everyAlarmOptionPassesCfnLint() throws {
        let ops = Topic("OpsTopic", name: "ops")
        let other = Topic("Refunded", name: "refunded")
        let service = service {
            topic
            other
            ops
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler", subscriptionDeadLetterQueue: true)
                Consumer("reports", handler: "src/reports.handler").alarms(oldestMessageAge: .above(3600))
            }
            .alarms(email: "ops@example.com")
            FanOut(from: other) { Consumer("refunds", handler: "src/refunds.handler") }.alarms(to: .topic(ops))
        }
        #expect(Validator().validate(service, on: Self.day).decided == [])
        let path = try temporaryFile(try service.cloudFormation(.yaml), suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Oracles.cfnLint(path)
        #expect(result.status == 0, "cfn-lint:\n\(result.standardOutput)\(result.standardError)")
    }

    /// A fan-out from a topic encrypted with a declared key gets its alarm topic encrypted with
    /// the same key, and the key policy lets CloudWatch use it once; the AWS-managed key, which
    /// CloudWatch cannot use, leaves the alarm topic unencrypted (and noted).
    @Test func theAlarmTopicSharesACustomerKeyWhichCloudWatchMayUse() throws {
        func service(_ encryption: (KMSKey) -> TopicEncryption) -> Service {
            Service("shop", runtime: .nodejs24x, region: "eu-west-1") {
                let key = KMSKey("OrdersKey")
                key
                let topic = Topic("Orders", encryption: encryption(key))
                topic
                FanOut(from: topic) {
                    Consumer("billing", handler: "src/billing.handler")
                    Consumer("audit", handler: "src/audit.handler")
                }
            }
        }
        let pipeline = Pipeline()
        let bound = pipeline.bind(service { .kms($0) })
        let alarmTopic = try #require(bound.resource("AlarmTopic") as? Topic)
        #expect(alarmTopic.encryption == .kms(.ref("OrdersKey")))
        let key = try #require(bound.resource("OrdersKey") as? KMSKey)
        let grants = key.grants.filter { $0.sid == "CloudWatchAlarmsPublish" }
        #expect(grants.count == 1)
        #expect(grants.first?.principal == .service("cloudwatch.amazonaws.com"))
        #expect(grants.first?.actions == ["kms:GenerateDataKey", "kms:Decrypt"])
        #expect((pipeline.bind(bound).resource("OrdersKey") as? KMSKey)?.grants == key.grants, "binding twice changes nothing")
        #expect(pipeline.lint(service { .kms($0) }).filter { $0.code == "FAN832" } == [])

        let managed = pipeline.bind(service { _ in .awsManaged })
        #expect((managed.resource("AlarmTopic") as? Topic)?.encryption == nil)
        #expect((managed.resource("OrdersKey") as? KMSKey)?.grants.contains { $0.sid == "CloudWatchAlarmsPublish" } == false)
        #expect(pipeline.lint(service { _ in .awsManaged }).filter { $0.code == "FAN832" }.map(\.path)
            == ["Resources.AlarmTopic.Properties.KmsMasterKeyId"])
    }
}
