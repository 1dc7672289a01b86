import Fanout
import FanoutExamples
import OrderedCollections
import Testing

/// The construct is sugar over the same model: the tutorial's fan-out written with FanOut,
/// choosing the tutorial's names and options, compiles to the hand-written example's resources.
@Suite struct BothWaysTests {
    static let withConstruct = Service("serverless-async-fanout", runtime: .nodejs18x, region: "eu-central-1") {
        let topic = Topic("NotificationTopic", name: "${self:service}-notification-topic")
        let queueOne: Value = .getAtt("ProcessingQueueOne", "Arn")
        let queueTwo: Value = .getAtt("ProcessingQueueTwo", "Arn")
        IAM {
            Statement(
                actions: ["sns:Publish", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
                resources: [topic.arn, queueOne, queueTwo])
        }
        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/trigger")
            Environment("SNS_TOPIC_ARN", topic.arn)
        }
        topic
        FanOut(from: topic) {
            for (name, number) in [("One", "one"), ("Two", "two")] {
                Consumer(
                    "processor\(name)", handler: "src/processor\(name).handler", batchSize: 1,
                    reportBatchItemFailures: false, rawMessageDelivery: false, visibilityTimeout: 60,
                    maxReceiveCount: nil, encryption: nil)
                    .named(queue: "ProcessingQueue\(name)", queueName: "${self:service}-processing-queue-\(number)",
                           policy: "Queue\(name)Policy", subscription: "NotificationTopicSubscription\(name)")
            }
        }
        .withoutAlarms()  // the tutorial has none
    }

    func resources(_ service: Service) throws -> OrderedDictionary<String, Value> {
        CloudFormationTranslator().translate(service).template.mapValue?["Resources"]?.mapValue ?? [:]
    }

    @Test func sameResourcesExceptTheSubscriptionsOrder() throws {
        let handWritten = try resources(Examples.tutorial)
        let construct = try resources(Self.withConstruct)
        #expect(Set(construct.keys) == Set(handWritten.keys))
        for (id, resource) in handWritten {
            var derived = construct[id]?.mapValue ?? [:]
            if id.hasPrefix("NotificationTopicSubscription") {
                // The one thing the construct will not leave out: a subscription waits for
                // the policy that admits it (FAN104).
                #expect(derived.removeValue(forKey: "DependsOn") == .string("Queue\(id.dropFirst("NotificationTopicSubscription".count))Policy"))
            }
            #expect(Value.map(derived) == resource, "\(id) differs")
        }
    }

    @Test func theConstructClearsTheTutorialsOrderingWarning() {
        let day = Day(year: 2026, month: 11, day: 26)
        let handWritten = Validator().validate(Examples.tutorial, on: day).map(\.code)
        let construct = Validator().validate(Self.withConstruct, on: day).map(\.code)
        #expect(handWritten.filter { $0 == "FAN104" }.count == 2)
        #expect(construct.sorted() == handWritten.filter { $0 != "FAN104" }.sorted())
    }
}
