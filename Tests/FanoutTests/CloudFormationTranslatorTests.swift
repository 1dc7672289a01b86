import Fanout
import FanoutExamples
import Testing

@Suite struct CloudFormationTranslatorTests {
    func template(_ service: Service, _ options: CloudFormationOptions = .init()) throws -> [String: Value] {
        let value = CloudFormationTranslator(options: options).translate(service).template
        return Dictionary(uniqueKeysWithValues: (value.mapValue?["Resources"]?.mapValue ?? [:]).map { ($0.key, $0.value) })
    }

    @Test func resourcesComeInServerlessOrderWithItsLogicalIDs() throws {
        let value = CloudFormationTranslator().translate(Examples.tutorial).template
        let ids = Array(value.mapValue?["Resources"]?.mapValue?.keys ?? [])
        let deployment = ids.first { $0.hasPrefix("ApiGatewayDeployment") } ?? "missing"
        #expect(ids == [
            "TriggerLogGroup", "ProcessorOneLogGroup", "ProcessorTwoLogGroup", "IamRoleLambdaExecution",
            "TriggerLambdaFunction", "ProcessorOneLambdaFunction", "ProcessorTwoLambdaFunction",
            "ApiGatewayRestApi", "ApiGatewayResourceTrigger", "ApiGatewayMethodTriggerPost", deployment,
            "TriggerLambdaPermissionApiGateway",
            "ProcessorOneEventSourceMappingSQSProcessingQueueOne", "ProcessorTwoEventSourceMappingSQSProcessingQueueTwo",
            "NotificationTopic", "ProcessingQueueOne", "ProcessingQueueTwo", "QueueOnePolicy", "QueueTwoPolicy",
            "NotificationTopicSubscriptionOne", "NotificationTopicSubscriptionTwo",
        ])
        #expect(deployment.count == "ApiGatewayDeployment".count + 16)
        #expect(value.mapValue?["Outputs"]?.mapValue?.keys.elementsEqual(["ServiceEndpoint"]) == true)
    }

    @Test func stageResolvesNamesAndVariables() throws {
        let resources = try template(Examples.tutorial, .init(stage: "prod"))
        let function = resources["TriggerLambdaFunction"]?.mapValue?["Properties"]?.mapValue
        #expect(function?["FunctionName"] == .string("serverless-async-fanout-prod-trigger"))
        let topic = resources["NotificationTopic"]?.mapValue?["Properties"]?.mapValue
        #expect(topic?["TopicName"] == .string("serverless-async-fanout-notification-topic"))
        let deployment = resources.first { $0.key.hasPrefix("ApiGatewayDeployment") }?.value
        #expect(deployment?.mapValue?["Properties"]?.mapValue?["StageName"] == .string("prod"))
    }

    @Test func deploymentIDChangesExactlyWhenTheAPIChanges() throws {
        func deploymentID(_ path: String, stage: String = "dev") throws -> String? {
            let service = Service("svc", runtime: .nodejs24x) {
                Function("api", handler: "api.handler") { HTTP(.get, path) }
            }
            return try template(service, .init(stage: stage)).keys.first { $0.hasPrefix("ApiGatewayDeployment") }
        }
        #expect(try deploymentID("/a") == deploymentID("/a"))
        #expect(try deploymentID("/a") != deploymentID("/b"))
        #expect(try deploymentID("/a") != deploymentID("/a", stage: "prod"))
    }

    @Test func nestedPathsGetOneResourcePerPrefix() throws {
        let service = Service("svc", runtime: .nodejs24x) {
            Function("users", handler: "users.handler") {
                HTTP(.get, "/v1/users")
                HTTP(.get, "/v1/users/{id}")
            }
        }
        let resources = try template(service)
        #expect(resources["ApiGatewayResourceV1"] != nil)
        #expect(resources["ApiGatewayResourceV1Users"]?.mapValue?["Properties"]?.mapValue?["ParentId"] == .ref("ApiGatewayResourceV1"))
        #expect(resources["ApiGatewayMethodV1UsersIdVarGet"] != nil)
        #expect(resources.keys.filter { $0.hasSuffix("LambdaPermissionApiGateway") } == ["UsersLambdaPermissionApiGateway"])
    }

    @Test func everyUnresolvableVariableIsReportedAtItsDeclaration() throws {
        let first = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Queue("Q", name: "${env:QUEUE_NAME}")
            Topic("T", name: "${ssm:/topic-name}")
        }
        let translation = CloudFormationTranslator().translate(service)
        #expect(translation.diagnostics.map(\.code) == ["FAN006", "FAN006"])
        #expect(translation.diagnostics.map { $0.location?.line } == [first, first + 1])
        #expect(translation.diagnostics[0].message.contains("${env:QUEUE_NAME}"))
        #expect(translation.diagnostics[1].message.contains("${ssm:/topic-name}"))
        // The rest still compiles, so validation sees the whole template.
        #expect(translation.template.mapValue?["Resources"]?.mapValue?.keys.elementsEqual(["Q", "T"]) == true)
    }

    @Test func resourceThatCollidesWithAGeneratedOneIsLeftToValidation() throws {
        let service = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler")
            Queue("FLogGroup")
        }
        let translation = CloudFormationTranslator().translate(service)
        #expect(translation.generatedLogicalIDs.contains("FLogGroup"))
        #expect(translation.template.mapValue?["Resources"]?.mapValue?["FLogGroup"]?.mapValue?["Type"] == "AWS::Logs::LogGroup")
        #expect(Fixtures.codes(service) == ["FAN001"])
    }

    @Test func inlineCodeUsesZipFileAndTheIndexModule() throws {
        let source = "exports.handler = async () => ({ statusCode: 200 });\n"
        let resources = try template(Examples.tutorial, .init(code: .inline([
            "trigger": source, "processorOne": source, "processorTwo": source,
        ])))
        let properties = resources["TriggerLambdaFunction"]?.mapValue?["Properties"]?.mapValue
        #expect(properties?["Code"] == .map(["ZipFile": .string(source)]))
        #expect(properties?["Handler"] == .string("index.handler"))
    }

    @Test func inlineCodeOverTheLimitIsAnError() throws {
        let big = String(repeating: "x", count: CloudFormationOptions.inlineCodeLimit + 1)
        let service = Service("svc", runtime: .nodejs24x) { Function("f", handler: "f.handler") }
        let translation = CloudFormationTranslator(options: .init(code: .inline(["f": big]))).translate(service)
        #expect(translation.diagnostics.count == 1)
        #expect(translation.diagnostics.first?.message.contains("4097 bytes; Lambda takes at most 4096") == true)
    }

    @Test func consumersGetTheSQSStatementOnTheSharedRole() throws {
        let resources = try template(Examples.tutorial)
        let policies = resources["IamRoleLambdaExecution"]?.mapValue?["Properties"]?.mapValue?["Policies"]
        guard case .list(let list)? = policies,
              case .list(let statements)? = list.first?.mapValue?["PolicyDocument"]?.mapValue?["Statement"]
        else {
            Issue.record("no policy statements")
            return
        }
        #expect(statements.count == 4)
        #expect(statements.last == [
            "Effect": "Allow",
            "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
            "Resource": [.getAtt("ProcessingQueueOne", "Arn"), .getAtt("ProcessingQueueTwo", "Arn")],
        ])
    }
}
