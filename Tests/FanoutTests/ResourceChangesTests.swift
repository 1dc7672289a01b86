import Fanout
@testable import FanoutCommandLine
import Testing
import YAML

/// What `check` says changes for each resource between two templates.
@Suite struct ResourceChangesTests {
    static let template = """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: orders
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: orders-queue
              VisibilityTimeout: 60
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt DeadLetters.Arn
                maxReceiveCount: 5
          DeadLetters:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: orders-dlq
          Subscription:
            Type: AWS::SNS::Subscription
            Properties:
              Protocol: sqs
              TopicArn: !Ref Topic
              Endpoint: !GetAtt Queue.Arn

        """

    func changes(from old: String = template, to new: String) throws -> [ResourceChanges.Change] {
        func resources(_ text: String) throws -> Node.Mapping {
            try #require(ResourceChanges.resources(of: try Parser.parse(text), format: .cloudFormation(.yaml)))
        }
        return ResourceChanges(old: try resources(old), new: try resources(new)).changes
    }

    @Test func identicalTemplatesHaveNoChanges() throws {
        #expect(try changes(to: Self.template).isEmpty)
    }

    @Test func aRenamedQueueIsReplacedAndLosesItsMessages() throws {
        let result = try changes(to: Self.template.replacingOccurrences(of: "QueueName: orders-queue", with: "QueueName: orders-new"))
        #expect(result == [ResourceChanges.Change(
            kind: .replaced, logicalID: "Queue", type: "AWS::SQS::Queue", causes: ["QueueName"],
            dataLoss: "Queue (AWS::SQS::Queue) is replaced because QueueName cannot change in place; it is a queue: CloudFormation deletes it with the messages waiting in it")])
    }

    @Test func aQueueBecomingFIFOAndARenamedTopicAreReplaced() throws {
        let result = try changes(to: Self.template
            .replacingOccurrences(of: "QueueName: orders-dlq", with: "QueueName: orders-dlq\n      FifoQueue: true")
            .replacingOccurrences(of: "TopicName: orders", with: "TopicName: orders-2"))
        #expect(result.map(\.logicalID) == ["Topic", "DeadLetters"])
        #expect(result.map(\.causes) == [["TopicName"], ["FifoQueue"]])
        #expect(result[0].dataLoss?.hasPrefix("Topic (AWS::SNS::Topic) is replaced because TopicName cannot change in place; it is a topic") == true)
        #expect(result[1].dataLoss == "DeadLetters (AWS::SQS::Queue) is replaced because FifoQueue cannot change in place; it is a dead-letter queue: CloudFormation deletes it with the failed messages kept in it")
    }

    @Test func aNewLogicalIDRemovesTheOldResource() throws {
        let result = try changes(to: Self.template.replacingOccurrences(of: "  DeadLetters:\n", with: "  Failed:\n")
            .replacingOccurrences(of: "!GetAtt DeadLetters.Arn", with: "!GetAtt Failed.Arn"))
        #expect(result.map(\.kind) == [.removed, .added, .modified])
        #expect(result.map(\.logicalID) == ["DeadLetters", "Failed", "Queue"])
        #expect(result[0].dataLoss?.hasPrefix("DeadLetters (AWS::SQS::Queue) is removed; it is a dead-letter queue") == true)
        #expect(result[1].dataLoss == nil)
        #expect(result[2].causes == ["RedrivePolicy"])
    }

    @Test func updatableChangesAreInPlaceAndLoseNothing() throws {
        let result = try changes(to: Self.template.replacingOccurrences(of: "VisibilityTimeout: 60", with: "VisibilityTimeout: 90"))
        #expect(result == [ResourceChanges.Change(kind: .modified, logicalID: "Queue", type: "AWS::SQS::Queue", causes: ["VisibilityTimeout"], dataLoss: nil)])
    }

    @Test func aSubscriptionEndpointReplacesOnlyTheSubscription() throws {
        let result = try changes(to: Self.template.replacingOccurrences(of: "Endpoint: !GetAtt Queue.Arn", with: "Endpoint: !GetAtt DeadLetters.Arn"))
        #expect(result == [ResourceChanges.Change(kind: .replaced, logicalID: "Subscription", type: "AWS::SNS::Subscription", causes: ["Endpoint"], dataLoss: nil)])
    }

    @Test func retainedResourcesLoseNoData() throws {
        let retained = Self.template.replacingOccurrences(
            of: "    Type: AWS::SNS::Topic\n", with: "    Type: AWS::SNS::Topic\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n")
        let removed = try changes(from: retained, to: Self.template.replacingOccurrences(of: "  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: orders\n", with: ""))
        #expect(removed.first?.kind == .removed)
        #expect(removed.first?.dataLoss == nil)
        let renamed = try changes(from: retained, to: retained.replacingOccurrences(of: "TopicName: orders", with: "TopicName: other"))
        #expect(renamed.map(\.kind) == [.replaced])
        #expect(renamed.first?.dataLoss == nil)
    }

    @Test func jsonTemplatesAndServerlessResourcesSectionsAreRead() throws {
        let json = try Parser.parse(#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a"}}}}"#)
        #expect(ResourceChanges.resources(of: json, format: .cloudFormation(.json))?.pairs.count == 1)
        let serverless = try Parser.parse("service: s\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n")
        #expect(ResourceChanges.resources(of: serverless, format: .serverless)?.pairs.count == 1)
        #expect(ResourceChanges.resources(of: serverless, format: .cloudFormation(.yaml)) == nil)
    }
}
