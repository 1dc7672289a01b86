import Fanout
import FanoutExamples
import Foundation
import Testing

/// Authenticated triggers and stage throttling (issue 12, part 1): the model, raw
/// CloudFormation as the Serverless Framework v3 compiles it, serverless.yml as v3 documents
/// it, and the rules FAN821–FAN823.
@Suite struct AuthorizationTests {
    static let poolARN = "arn:aws:cognito-idp:eu-central-1:123456789012:userpool/eu-central-1_AbC123"

    /// A publisher behind `authorization`, with `gateway` settings.
    static func service(_ authorization: HTTP.Authorization, gateway: APIGateway? = nil, line: Int = #line) -> Service {
        Service("svc", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("Events", name: "\(Variable.service)-\(Variable.stage)-events")
            topic
            if let gateway { gateway }
            Function("trigger", handler: "src/trigger.handler") {
                HTTP(.post, "/events", authorization: authorization, line: line)
                Publishes(to: topic, as: "TOPIC_ARN")
            }
        }
    }

    static let keyed = APIGateway(
        apiKeys: ["\(Variable.service)-\(Variable.stage)-partner", "ops"],
        usagePlan: UsagePlan(quota: Quota(limit: 10_000, period: .month), throttle: Throttling(rate: 10, burst: 20)))

    func resources(_ service: Service) -> [String: Value] {
        let template = CloudFormationTranslator().translate(service).template
        return Dictionary(uniqueKeysWithValues: (template.mapValue?["Resources"]?.mapValue ?? [:]).map { ($0.key, $0.value) })
    }

    func ids(_ service: Service) -> [String] {
        Array(CloudFormationTranslator().translate(service).template.mapValue?["Resources"]?.mapValue?.keys ?? [])
    }

    func method(_ service: Service) -> Value? { resources(service)["ApiGatewayMethodEventsPost"] }

    func event(_ service: Service) -> Value? {
        ServerlessTranslator().translate(service).mapValue?["functions"]?.mapValue?["trigger"]?.mapValue?["events"]?.listValue.first
    }

    // MARK: - Raw CloudFormation

    @Test func openMethodIsCompiledAsBefore() {
        let method = method(Self.service(.none))?.mapValue
        #expect(method?["Properties"]?.mapValue?["ApiKeyRequired"] == false)
        #expect(method?["Properties"]?.mapValue?["AuthorizationType"] == "NONE")
        #expect(method?["DependsOn"] == ["TriggerLambdaPermissionApiGateway"])
    }

    @Test func iamMethodIsAWSIAMWithoutKey() {
        let properties = method(Self.service(.iam))?.mapValue?["Properties"]?.mapValue
        #expect(properties?["ApiKeyRequired"] == false)
        #expect(properties?["AuthorizationType"] == "AWS_IAM")
        #expect(properties?["AuthorizerId"] == nil)
        #expect(Array(properties?.keys ?? []) == [
            "HttpMethod", "RequestParameters", "ResourceId", "RestApiId", "ApiKeyRequired", "AuthorizationType",
            "Integration", "MethodResponses",
        ])
        #expect(!ids(Self.service(.iam)).contains { $0.contains("Authorizer") || $0.contains("UsagePlan") })
    }

    @Test func apiKeyMethodRequiresAKeyAndKeysJoinTheUsagePlan() {
        let service = Self.service(.apiKey, gateway: Self.keyed)
        let properties = method(service)?.mapValue?["Properties"]?.mapValue
        #expect(properties?["ApiKeyRequired"] == true)
        #expect(properties?["AuthorizationType"] == "NONE")
        let all = ids(service)
        let deployment = all.first { $0.hasPrefix("ApiGatewayDeployment") } ?? "missing"
        #expect(Array(all.drop { $0 != deployment }) == [
            deployment, "ApiGatewayApiKey1", "ApiGatewayApiKey2", "ApiGatewayUsagePlan",
            "ApiGatewayUsagePlanKey1", "ApiGatewayUsagePlanKey2", "TriggerLambdaPermissionApiGateway", "Events",
        ])
        let resources = resources(service)
        #expect(resources["ApiGatewayApiKey1"] == [
            "Type": "AWS::ApiGateway::ApiKey",
            "Properties": [
                "Enabled": true, "Name": "svc-dev-partner",
                "StageKeys": [["RestApiId": .ref("ApiGatewayRestApi"), "StageName": "dev"]],
            ],
            "DependsOn": .string(deployment),
        ])
        #expect(resources["ApiGatewayUsagePlan"] == [
            "Type": "AWS::ApiGateway::UsagePlan",
            "DependsOn": .string(deployment),
            "Properties": [
                "ApiStages": [["ApiId": .ref("ApiGatewayRestApi"), "Stage": "dev"]],
                "Description": "Usage plan for svc dev stage",
                "UsagePlanName": "svc-dev",
                "Quota": ["Limit": 10_000, "Period": "MONTH"],
                "Throttle": ["BurstLimit": 20, "RateLimit": 10],
            ],
        ])
        #expect(resources["ApiGatewayUsagePlanKey2"] == [
            "Type": "AWS::ApiGateway::UsagePlanKey",
            "Properties": [
                "KeyId": .ref("ApiGatewayApiKey2"), "KeyType": "API_KEY", "UsagePlanId": .ref("ApiGatewayUsagePlan"),
            ],
        ])
    }

    @Test func cognitoMethodUsesItsAuthorizer() {
        let service = Self.service(.cognito(name: "users", userPoolARN: Self.poolARN, scopes: ["orders/write"]))
        let method = method(service)?.mapValue
        let properties = method?["Properties"]?.mapValue
        #expect(properties?["AuthorizationType"] == "COGNITO_USER_POOLS")
        #expect(properties?["AuthorizerId"] == .ref("UsersApiGatewayAuthorizer"))
        #expect(properties?["AuthorizationScopes"] == ["orders/write"])
        #expect(method?["DependsOn"] == ["TriggerLambdaPermissionApiGateway"])
        #expect(resources(service)["UsersApiGatewayAuthorizer"] == [
            "Type": "AWS::ApiGateway::Authorizer",
            "Properties": [
                "AuthorizerResultTtlInSeconds": 300,
                "IdentitySource": "method.request.header.Authorization",
                "Name": "users",
                "RestApiId": .ref("ApiGatewayRestApi"),
                "Type": "COGNITO_USER_POOLS",
                "ProviderARNs": [.string(Self.poolARN)],
            ],
        ])
        // The authorizer comes after the methods and before the deployment, as in Serverless.
        let all = ids(service)
        #expect(all.firstIndex(of: "UsersApiGatewayAuthorizer") == all.firstIndex(of: "ApiGatewayMethodEventsPost").map { $0 + 1 })
    }

    @Test func oneAuthorizerNameWithTwoPoolsIsAnError() {
        let other = "arn:aws:cognito-idp:eu-central-1:123456789012:userpool/eu-central-1_Other1"
        let service = Service("svc", runtime: .nodejs24x) {
            Function("a", handler: "a.handler") {
                HTTP(.get, "/a", authorization: .cognito(name: "users", userPoolARN: Self.poolARN))
                HTTP(.get, "/b", authorization: .cognito(name: "users", userPoolARN: other))
                HTTP(.get, "/c", authorization: .cognito(name: "users", userPoolARN: Self.poolARN))
            }
        }
        let messages = CloudFormationTranslator().translate(service).diagnostics.map(\.message)
        #expect(messages == ["two Cognito authorizers compile to UsersApiGatewayAuthorizer with different user pools; give each pool its own authorizer name"])
    }

    @Test func stageThrottlingIsOnTheDeploymentsStage() {
        let throttled = Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: 50, burst: 100)))
        let deployment = resources(throttled).first { $0.key.hasPrefix("ApiGatewayDeployment") }?.value
        #expect(deployment?.mapValue?["Properties"] == [
            "RestApiId": .ref("ApiGatewayRestApi"), "StageName": "dev",
            "StageDescription": ["ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50],
        ])
        let fractional = Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: 0.5, burst: 1)))
        let fractionalDeployment = resources(fractional).first { $0.key.hasPrefix("ApiGatewayDeployment") }?.value
        #expect(fractionalDeployment?.mapValue?["Properties"]?.mapValue?["StageDescription"]?.mapValue?["ThrottlingRateLimit"] == "0.5")
        // A throttling change is a new deployment; no throttling keeps the old ID.
        let deploymentID = { (service: Service) in self.ids(service).first { $0.hasPrefix("ApiGatewayDeployment") } }
        #expect(deploymentID(throttled) != deploymentID(Self.service(.iam)))
        #expect(deploymentID(Self.service(.iam)) == deploymentID(Self.service(.iam, gateway: APIGateway())))
        #expect(!ids(throttled).contains("ApiGatewayUsagePlan"))
    }

    @Test func productionExampleSignsWithIAMOnAThrottledStage() {
        let resources = resources(Examples.production)
        #expect(resources["ApiGatewayMethodTriggerPost"]?.mapValue?["Properties"]?.mapValue?["AuthorizationType"] == "AWS_IAM")
        let deployment = resources.first { $0.key.hasPrefix("ApiGatewayDeployment") }?.value
        #expect(deployment?.mapValue?["Properties"]?.mapValue?["StageDescription"] == [
            "ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50,
        ])
    }

    // MARK: - serverless.yml

    @Test func serverlessEventPerMode() {
        #expect(event(Self.service(.none)) == ["http": ["path": "/events", "method": "post"]])
        #expect(event(Self.service(.iam)) == ["http": ["path": "/events", "method": "post", "authorizer": "aws_iam"]])
        #expect(event(Self.service(.apiKey, gateway: Self.keyed)) == ["http": ["path": "/events", "method": "post", "private": true]])
        #expect(event(Self.service(.cognito(name: "users", userPoolARN: Self.poolARN))) == ["http": [
            "path": "/events", "method": "post", "authorizer": ["name": "users", "arn": .string(Self.poolARN)],
        ]])
        #expect(event(Self.service(.cognito(name: "users", userPoolARN: Self.poolARN, scopes: ["a/b"]))) == ["http": [
            "path": "/events", "method": "post",
            "authorizer": ["name": "users", "arn": .string(Self.poolARN), "scopes": ["a/b"]],
        ]])
    }

    @Test func serverlessProviderAndThrottlingPlugin() throws {
        let keyed = try Self.service(.apiKey, gateway: Self.keyed).serverlessYAML(checks: .skipped)
        #expect(keyed.contains("""
              apiGateway:
                apiKeys:
                - ${self:service}-${sls:stage}-partner
                - ops
                usagePlan:
                  quota:
                    limit: 10000
                    period: MONTH
                  throttle:
                    burstLimit: 20
                    rateLimit: 10

            """))
        #expect(!keyed.contains("plugins:"))
        let throttled = try Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: 50, burst: 100)))
            .serverlessYAML(checks: .skipped)
        #expect(throttled.contains("""
            plugins:
            - serverless-api-gateway-throttling
            custom:
              apiGatewayThrottling:
                maxRequestsPerSecond: 50
                maxConcurrentRequests: 100
            functions:

            """))
        #expect(!throttled.contains("apiGateway:"))
    }

    @Test func importReadsEveryModeBack() throws {
        for service in [
            Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: 2.5, burst: 5))),
            Self.service(.apiKey, gateway: Self.keyed),
            Self.service(.cognito(name: "users", userPoolARN: Self.poolARN, scopes: ["a/b"])),
        ] {
            let yaml = try service.serverlessYAML(checks: .skipped)
            let result = try ServerlessImport(yaml: yaml, file: "in.yml", name: "imported").service()
            #expect(result.findings.filter { $0.severity != .note }.isEmpty, "\(result.findings)")
            #expect(try result.service.serverlessYAML(checks: .skipped) == yaml)
        }
    }

    // MARK: - Rules

    @Test func fan821OpenPublisherAndItsAuthenticatedTwins() {
        let line = #line + 1
        let open = Self.service(.none, line: line)
        #expect(Fixtures.codes(open) == ["FAN821"])
        let found = Fixtures.diagnostics("FAN821", open)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.line == line)
        #expect(found.first?.message.hasPrefix("POST /events invokes trigger, which publishes to Events, with no authorisation") == true)
        #expect(found.first?.message.contains("authorization: .iam") == true)
        #expect(Fixtures.codes(Self.service(.iam)) == [])
        #expect(Fixtures.codes(Self.service(.apiKey, gateway: Self.keyed)) == [])
        #expect(Fixtures.codes(Self.service(.cognito(name: "users", userPoolARN: Self.poolARN))) == [])
        // An open endpoint that publishes nothing is not this rule's business.
        let reader = Service("svc", runtime: .nodejs24x) {
            Function("status", handler: "src/status.handler") { HTTP(.get, "/status") }
        }
        #expect(Fixtures.codes(reader) == [])
        // The tutorial keeps its documented open endpoint, and gets the warning.
        #expect(Fixtures.diagnostics("FAN821", Examples.tutorial).map(\.location?.line) == [22])
        #expect(Fixtures.diagnostics("FAN821", Examples.production).isEmpty)
    }

    @Test func fan822ThrottlingValues() {
        func codes(_ gateway: APIGateway) -> [String] { Fixtures.codes(Self.service(.iam, gateway: gateway)) }
        #expect(codes(APIGateway(throttling: Throttling(rate: -1, burst: 10))) == ["FAN822"])
        #expect(codes(APIGateway(throttling: Throttling(rate: .nan, burst: 10))) == ["FAN822"])
        #expect(codes(APIGateway(throttling: Throttling(rate: 10, burst: -1))) == ["FAN822"])
        #expect(codes(APIGateway(apiKeys: ["k"], usagePlan: UsagePlan(throttle: Throttling(rate: -2, burst: -2)))) == ["FAN822", "FAN822"])
        #expect(codes(APIGateway(apiKeys: ["k"], usagePlan: UsagePlan(quota: Quota(limit: -5, period: .day)))) == ["FAN822"])
        let zeroBurst = Fixtures.diagnostics("FAN822", Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: 10, burst: 0))))
        #expect(zeroBurst.map(\.severity) == [.warning])
        #expect(Fixtures.diagnostics("FAN822", Self.service(.iam, gateway: APIGateway(throttling: Throttling(rate: -1, burst: 1)))).first?.message
            == "the stage throttling has the rate -1.0; API Gateway takes a rate of 0 or more requests per second; use a non-negative number, such as Throttling(rate: 50, burst: 100)")
        // Clean twins: zero rate, fractional rate, a quota of 0.
        #expect(codes(APIGateway(throttling: Throttling(rate: 0, burst: 1))) == [])
        #expect(codes(APIGateway(throttling: Throttling(rate: 0.5, burst: 1))) == [])
        #expect(codes(APIGateway(apiKeys: ["k"], usagePlan: UsagePlan(quota: Quota(limit: 0, period: .week), throttle: Throttling(rate: 1, burst: 1)))) == [])
    }

    @Test func fan823AuthorizerARNNameAndKeys() {
        for arn in [
            "arn:aws:lambda:eu-central-1:123456789012:function:auth",
            "arn:aws:cognito-idp:eu-central-1:12345:userpool/eu-central-1_AbC123",
            "arn:aws:cognito-idp:eu-central-1:123456789012:userpool/us-east-1_AbC123",
            "arn:aws:cognito-idp:eu-central-1:123456789012:identitypool/eu-central-1_AbC123",
            "eu-central-1_AbC123",
        ] {
            #expect(Fixtures.codes(Self.service(.cognito(name: "users", userPoolARN: arn))) == ["FAN823"], "\(arn)")
        }
        #expect(Fixtures.codes(Self.service(.cognito(name: "my users", userPoolARN: Self.poolARN))) == ["FAN823"])
        #expect(Fixtures.codes(Self.service(.cognito(name: "", userPoolARN: Self.poolARN))) == ["FAN823"])
        let keyless = Fixtures.diagnostics("FAN823", Self.service(.apiKey))
        #expect(keyless.map(\.severity) == [.warning])
        #expect(keyless.first?.message.hasPrefix("POST /events of trigger requires an API key, but the service declares none") == true)
        // Clean twins.
        #expect(Fixtures.codes(Self.service(.cognito(name: "users-pool_1", userPoolARN: Self.poolARN))) == [])
        #expect(Fixtures.codes(Self.service(.cognito(name: "users", userPoolARN:
            "arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_AbC123"))) == [])
        #expect(Fixtures.codes(Self.service(.apiKey, gateway: Self.keyed)) == [])
    }

    // MARK: - Oracles

    @Test(.slow, .tags(.oracle)) func everyModeIsCfnLintClean() throws {
        let service = Service("svc", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("Events", name: "\(Variable.service)-\(Variable.stage)-events")
            topic
            APIGateway(throttling: Throttling(rate: 0.5, burst: 10), apiKeys: ["\(Variable.service)-\(Variable.stage)-partner"],
                       usagePlan: UsagePlan(quota: Quota(limit: 1000, period: .day), throttle: Throttling(rate: 5, burst: 10)))
            Function("trigger", handler: "src/trigger.handler") {
                HTTP(.post, "/iam", authorization: .iam)
                HTTP(.post, "/key", authorization: .apiKey)
                HTTP(.post, "/user", authorization: .cognito(name: "users", userPoolARN: Self.poolARN, scopes: ["orders/write"]))
                Publishes(to: topic, as: "TOPIC_ARN")
            }
        }
        #expect(Fixtures.codes(service) == [])
        for format in TemplateFormat.allCases {
            let path = try temporaryFile(try service.cloudFormation(format), suffix: "." + format.rawValue)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let lint = try Oracles.cfnLint(path)
            #expect(lint.status == 0, "cfn-lint:\n\(lint.standardOutput)")
        }
    }
}
