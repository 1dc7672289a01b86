import OrderedCollections

/// Compiles the `http` events of a service into API Gateway resources, as the Serverless
/// Framework's `api-gateway` plugin does: one REST API, a resource per path prefix, a method
/// per event, a deployment and one invoke permission per function.
struct APIGatewayCompiler {
    /// The compiled resources, in template order, and the `ServiceEndpoint` output.
    struct Result {
        var resources: OrderedDictionary<String, Value>
        var endpoint: Value
    }

    var context: CloudFormationTranslator.Context

    func compile() -> Result? {
        let events = context.service.functions.flatMap { function in
            function.events.compactMap { event -> (Function, HTTP)? in
                if case .http(let http) = event { (function, http) } else { nil }
            }
        }
        guard !events.isEmpty else { return nil }

        let restAPI = Naming.restAPILogicalID
        var api: OrderedDictionary<String, Value> = [
            restAPI: [
                "Type": "AWS::ApiGateway::RestApi",
                "Properties": [
                    "Name": .string("\(context.stage)-\(context.service.name)"),
                    "EndpointConfiguration": ["Types": ["EDGE"]],
                ],
            ],
        ]
        var methods: OrderedDictionary<String, Value> = [:]
        var authorizers: OrderedDictionary<String, Value> = [:]
        var permissions: OrderedDictionary<String, Value> = [:]
        for (function, http) in events {
            let segments = http.path.split(separator: "/").map(String.init)
            for depth in segments.indices {
                let path = segments[...depth].joined(separator: "/")
                let id = Naming.apiGatewayResourceLogicalID(path)
                if let existing = api[id] {
                    // Serverless's names lower-case each segment: /fanOut and /fanout collide.
                    if existing.mapValue?["Properties"]?.mapValue?["PathPart"] != .string(segments[depth]) {
                        context.report(
                            "path /\(path) and another path both compile to \(id) (segments differ only in case); rename one",
                            at: http.location)
                    }
                    continue
                }
                let parent: Value = depth == 0
                    ? .getAtt(restAPI, "RootResourceId")
                    : .ref(Naming.apiGatewayResourceLogicalID(segments[..<depth].joined(separator: "/")))
                api[id] = [
                    "Type": "AWS::ApiGateway::Resource",
                    "Properties": [
                        "ParentId": parent,
                        "PathPart": .string(segments[depth]),
                        "RestApiId": .ref(restAPI),
                    ],
                ]
            }
            let path = segments.joined(separator: "/")
            let methodID = Naming.apiGatewayMethodLogicalID(path: path, method: http.method)
            guard methods[methodID] == nil else {
                context.report(
                    "two http events for \(http.method.rawValue.uppercased()) /\(path); each path and method needs one function",
                    at: http.location)
                continue
            }
            let permission = Naming.apiGatewayPermissionLogicalID(function.key)
            let resourceID: Value = segments.isEmpty
                ? .getAtt(restAPI, "RootResourceId") : .ref(Naming.apiGatewayResourceLogicalID(path))
            var properties: OrderedDictionary<String, Value> = [
                "HttpMethod": .string(http.method.rawValue.uppercased()),
                "RequestParameters": [:],
                "ResourceId": resourceID,
                "RestApiId": .ref(restAPI),
                "ApiKeyRequired": .bool(http.authorization == .apiKey),
                "AuthorizationType": .string(http.authorization.authorizationType),
            ]
            if case .cognito(let authorizer) = http.authorization {
                properties["AuthorizerId"] = .ref(authorizer.logicalID)
                if !authorizer.scopes.isEmpty {
                    properties["AuthorizationScopes"] = .list(authorizer.scopes.map(Value.string))
                }
                // Serverless's merge replaces the permission dependency with `DependsOn:
                // <authorizer>` (a string over a list). Here the permission stays: the Ref
                // already orders the authorizer first (cfn-lint W3005), a knowing difference.
                addAuthorizer(authorizer, to: &authorizers, at: http.location)
            }
            properties["Integration"] = [
                "IntegrationHttpMethod": "POST",
                "Type": "AWS_PROXY",
                "Uri": .join("", [
                    "arn:", .pseudo(.partition), ":apigateway:", .pseudo(.region),
                    ":lambda:path/2015-03-31/functions/",
                    .getAtt(Naming.lambdaLogicalID(function.key), "Arn"), "/invocations",
                ]),
            ]
            properties["MethodResponses"] = []
            methods[methodID] = [
                "Type": "AWS::ApiGateway::Method",
                "Properties": .map(properties),
                "DependsOn": [.string(permission)],
            ]
            if permissions[permission] == nil {
                permissions[permission] = [
                    "Type": "AWS::Lambda::Permission",
                    "Properties": [
                        "FunctionName": .getAtt(Naming.lambdaLogicalID(function.key), "Arn"),
                        "Action": "lambda:InvokeFunction",
                        "Principal": "apigateway.amazonaws.com",
                        "SourceArn": .join("", [
                            "arn:", .pseudo(.partition), ":execute-api:", .pseudo(.region), ":",
                            .pseudo(.accountID), ":", .ref(restAPI), "/*/*",
                        ]),
                    ],
                ]
            }
        }
        api.merge(methods) { first, _ in first }
        api.merge(authorizers) { first, _ in first }

        let settings = context.service.provider.apiGateway
        var deploymentProperties: OrderedDictionary<String, Value> = [
            "RestApiId": .ref(restAPI), "StageName": .string(context.stage),
        ]
        // Stage throttling on the stage the deployment creates (see ``APIGateway``).
        if let throttling = settings?.throttling {
            deploymentProperties["StageDescription"] = [
                "ThrottlingBurstLimit": .int(throttling.burst),
                "ThrottlingRateLimit": throttling.rateValue,
            ]
        }
        // A deployment snapshots the API once; a new logical ID makes CloudFormation create a
        // new one. Serverless uses a timestamp; a hash of the API changes exactly when it does.
        var hashed: [Value] = [.map(api), .string(context.stage)]
        if let description = deploymentProperties["StageDescription"] { hashed.append(description) }
        let deployment = "ApiGatewayDeployment" + ContentHash.hex(of: .list(hashed))
        api[deployment] = [
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": .map(deploymentProperties),
            "DependsOn": .list(methods.keys.map(Value.string)),
        ]
        if let settings, settings.hasUsagePlan {
            api.merge(usagePlan(settings, deployment: deployment)) { first, _ in first }
        }
        api.merge(permissions) { first, _ in first }

        let endpoint: Value = [
            "Description": "URL of the service endpoint",
            "Value": .join("", [
                "https://", .ref(restAPI), ".execute-api.", .pseudo(.region), ".",
                .pseudo(.urlSuffix), .string("/\(context.stage)"),
            ]),
            "Export": ["Name": .string("sls-\(context.service.name)-\(context.stage)-ServiceEndpoint")],
        ]
        return Result(resources: api, endpoint: endpoint)
    }

    /// `<Name>ApiGatewayAuthorizer`, as Serverless compiles `authorizer: {name, arn}` with a
    /// Cognito user pool's ARN; one per name, however many endpoints use it.
    private func addAuthorizer(
        _ authorizer: CognitoAuthorizer, to authorizers: inout OrderedDictionary<String, Value>,
        at location: SourceLocation
    ) {
        let id = authorizer.logicalID
        let definition: Value = [
            "Type": "AWS::ApiGateway::Authorizer",
            "Properties": [
                "AuthorizerResultTtlInSeconds": 300,
                "IdentitySource": "method.request.header.Authorization",
                "Name": .string(authorizer.name),
                "RestApiId": .ref(Naming.restAPILogicalID),
                "Type": "COGNITO_USER_POOLS",
                "ProviderARNs": [.string(authorizer.userPoolARN)],
            ],
        ]
        if let existing = authorizers[id] {
            if existing != definition {
                context.report(
                    "two Cognito authorizers compile to \(id) with different user pools; give each pool its own authorizer name",
                    at: location)
            }
            return
        }
        authorizers[id] = definition
    }

    /// The API keys (`ApiGatewayApiKey<n>`), the usage plan (`ApiGatewayUsagePlan`) and each
    /// key's membership in it (`ApiGatewayUsagePlanKey<n>`), in the Serverless Framework's
    /// order and shapes (`api-keys.js`, `usage-plan.js`, `usage-plan-keys.js`).
    private func usagePlan(_ settings: APIGateway, deployment: String) -> OrderedDictionary<String, Value> {
        let restAPI = Value.ref(Naming.restAPILogicalID)
        let stage = Value.string(context.stage)
        var resources: OrderedDictionary<String, Value> = [:]
        for (index, name) in settings.apiKeys.enumerated() {
            resources[Naming.apiGatewayAPIKeyLogicalID(index + 1)] = [
                "Type": "AWS::ApiGateway::ApiKey",
                "Properties": [
                    "Enabled": true,
                    "Name": context.resolve(.text(name), at: settings.location),
                    "StageKeys": [["RestApiId": restAPI, "StageName": stage]],
                ],
                "DependsOn": .string(deployment),
            ]
        }
        let service = context.service.name
        var plan: OrderedDictionary<String, Value> = [
            "ApiStages": [["ApiId": restAPI, "Stage": stage]],
            "Description": .string("Usage plan for \(service) \(context.stage) stage"),
            "UsagePlanName": .string("\(service)-\(context.stage)"),
        ]
        if let quota = settings.usagePlan?.quota {
            plan["Quota"] = ["Limit": .int(quota.limit), "Period": .string(quota.period.rawValue)]
        }
        if let throttle = settings.usagePlan?.throttle {
            plan["Throttle"] = ["BurstLimit": .int(throttle.burst), "RateLimit": throttle.rateValue]
        }
        resources[Naming.usagePlanLogicalID] = [
            "Type": "AWS::ApiGateway::UsagePlan",
            "DependsOn": .string(deployment),
            "Properties": .map(plan),
        ]
        for index in settings.apiKeys.indices {
            resources[Naming.apiGatewayUsagePlanKeyLogicalID(index + 1)] = [
                "Type": "AWS::ApiGateway::UsagePlanKey",
                "Properties": [
                    "KeyId": .ref(Naming.apiGatewayAPIKeyLogicalID(index + 1)),
                    "KeyType": "API_KEY",
                    "UsagePlanId": .ref(Naming.usagePlanLogicalID),
                ],
            ]
        }
        return resources
    }
}
