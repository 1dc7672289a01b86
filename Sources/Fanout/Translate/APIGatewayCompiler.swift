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

    func compile() throws(TranslationError) -> Result? {
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
        var permissions: OrderedDictionary<String, Value> = [:]
        for (function, http) in events {
            let segments = http.path.split(separator: "/").map(String.init)
            for depth in segments.indices {
                let path = segments[...depth].joined(separator: "/")
                let id = Naming.apiGatewayResourceLogicalID(path)
                if let existing = api[id] {
                    // Serverless's names lower-case each segment: /fanOut and /fanout collide.
                    guard existing.mapValue?["Properties"]?.mapValue?["PathPart"] == .string(segments[depth]) else {
                        throw TranslationError(
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
                throw TranslationError(
                    "two http events for \(http.method.rawValue.uppercased()) /\(path); each path and method needs one function",
                    at: http.location)
            }
            let permission = Naming.apiGatewayPermissionLogicalID(function.key)
            let resourceID: Value = segments.isEmpty
                ? .getAtt(restAPI, "RootResourceId") : .ref(Naming.apiGatewayResourceLogicalID(path))
            methods[methodID] = [
                "Type": "AWS::ApiGateway::Method",
                "Properties": [
                    "HttpMethod": .string(http.method.rawValue.uppercased()),
                    "RequestParameters": [:],
                    "ResourceId": resourceID,
                    "RestApiId": .ref(restAPI),
                    "ApiKeyRequired": false,
                    "AuthorizationType": "NONE",
                    "Integration": [
                        "IntegrationHttpMethod": "POST",
                        "Type": "AWS_PROXY",
                        "Uri": .join("", [
                            "arn:", .pseudo(.partition), ":apigateway:", .pseudo(.region),
                            ":lambda:path/2015-03-31/functions/",
                            .getAtt(Naming.lambdaLogicalID(function.key), "Arn"), "/invocations",
                        ]),
                    ],
                    "MethodResponses": [],
                ],
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

        // A deployment snapshots the API once; a new logical ID makes CloudFormation create a
        // new one. Serverless uses a timestamp; a hash of the API changes exactly when it does.
        let hash: String
        do {
            hash = ContentHash.hex(try JSONRenderer().render(.list([.map(api), .string(context.stage)])))
        } catch {
            throw TranslationError("cannot hash the REST API: \(error)", at: nil)
        }
        api["ApiGatewayDeployment" + hash] = [
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": ["RestApiId": .ref(restAPI), "StageName": .string(context.stage)],
            "DependsOn": .list(methods.keys.map(Value.string)),
        ]
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
}
