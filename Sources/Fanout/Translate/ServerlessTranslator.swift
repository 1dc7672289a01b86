import OrderedCollections

/// Translates a service into the Serverless Framework's `serverless.yml` document.
///
/// Serverless variables stay as written; functions keep their events and environment;
/// resources go under `resources.Resources` in declaration order.
public struct ServerlessTranslator: Sendable {
    public init() {}

    /// The plugin serverless.yml names for stage throttling.
    public static let throttlingPlugin = "serverless-api-gateway-throttling"

    public func translate(_ service: Service) -> Value {
        var document: OrderedDictionary<String, Value> = [
            "service": .string(service.name),
            "provider": provider(service),
        ]
        // Stage throttling through the serverless-api-gateway-throttling plugin: v3 has no
        // setting of its own (see ``APIGateway``).
        if let throttling = service.provider.apiGateway?.throttling {
            document["plugins"] = [.string(Self.throttlingPlugin)]
            document["custom"] = ["apiGatewayThrottling": [
                "maxRequestsPerSecond": throttling.rateValue,
                "maxConcurrentRequests": .int(throttling.burst),
            ]]
        }
        if !service.functions.isEmpty {
            document["functions"] = .map(OrderedDictionary(
                service.functions.map { ($0.key, function($0)) }, uniquingKeysWith: { first, _ in first }))
        }
        var resources: OrderedDictionary<String, Value> = [:]
        if !service.resources.isEmpty {
            resources["Resources"] = .map(OrderedDictionary(
                service.resources.indices.map { (service.resources[$0].logicalID, service.definition(ofResourceAt: $0)) },
                uniquingKeysWith: { first, _ in first }))
        }
        if !service.outputs.isEmpty {
            resources["Outputs"] = .map(OrderedDictionary(
                service.outputs.map { ($0.name, $0.definition) }, uniquingKeysWith: { first, _ in first }))
        }
        if !resources.isEmpty { document["resources"] = .map(resources) }
        return .map(document)
    }

    private func provider(_ service: Service) -> Value {
        let provider = service.provider
        var map: OrderedDictionary<String, Value> = [
            "name": .string(provider.name),
            "runtime": .string(provider.runtime.rawValue),
        ]
        if let stage = provider.stage { map["stage"] = .string(stage) }
        if let region = provider.region { map["region"] = .string(region) }
        if let memorySize = provider.memorySize { map["memorySize"] = .int(memorySize) }
        if let timeout = provider.timeout { map["timeout"] = .int(timeout) }
        if let retention = provider.logRetentionInDays { map["logRetentionInDays"] = .int(retention.days) }
        if let gateway = provider.apiGateway, gateway.hasUsagePlan {
            var settings: OrderedDictionary<String, Value> = [:]
            if !gateway.apiKeys.isEmpty { settings["apiKeys"] = .list(gateway.apiKeys.map(Value.text)) }
            var plan: OrderedDictionary<String, Value> = [:]
            if let quota = gateway.usagePlan?.quota {
                plan["quota"] = ["limit": .int(quota.limit), "period": .string(quota.period.rawValue)]
            }
            if let throttle = gateway.usagePlan?.throttle {
                plan["throttle"] = ["burstLimit": .int(throttle.burst), "rateLimit": throttle.rateValue]
            }
            if !plan.isEmpty { settings["usagePlan"] = .map(plan) }
            map["apiGateway"] = .map(settings)
        }
        // Serverless v3 has one role: the functions' own statements join it, merged into the
        // narrowest statements that cover them all.
        let statements = provider.iamStatements + StatementMerger.merge(service.functions.flatMap(\.iamStatements))
        if !statements.isEmpty {
            map["iam"] = .map(["role": .map(["statements": .list(statements.map(\.value))])])
        }
        return .map(map)
    }

    private func function(_ function: Function) -> Value {
        var map: OrderedDictionary<String, Value> = ["handler": .string(function.handler)]
        if let runtime = function.runtime { map["runtime"] = .string(runtime.rawValue) }
        if let memorySize = function.memorySize { map["memorySize"] = .int(memorySize) }
        if let timeout = function.timeout { map["timeout"] = .int(timeout) }
        if let retention = function.logRetentionInDays { map["logRetentionInDays"] = .int(retention.days) }
        if !function.events.isEmpty { map["events"] = .list(function.events.map(event)) }
        if !function.environment.isEmpty { map["environment"] = .map(function.environment) }
        return .map(map)
    }

    private func event(_ event: Event) -> Value {
        switch event {
        case .http(let http):
            var map: OrderedDictionary<String, Value> = [
                "path": .string(http.path),
                "method": .string(http.method.rawValue),
            ]
            switch http.authorization {
            case .none: break
            case .iam: map["authorizer"] = "aws_iam"
            case .apiKey: map["private"] = true
            case .cognito(let authorizer):
                var settings: OrderedDictionary<String, Value> = [
                    "name": .string(authorizer.name), "arn": .string(authorizer.userPoolARN),
                ]
                if !authorizer.scopes.isEmpty { settings["scopes"] = .list(authorizer.scopes.map(Value.string)) }
                map["authorizer"] = .map(settings)
            }
            return .map(["http": .map(map)])
        case .sqs(let sqs):
            var map: OrderedDictionary<String, Value> = ["arn": sqs.arn]
            if let batchSize = sqs.batchSize { map["batchSize"] = .int(batchSize) }
            if let window = sqs.maximumBatchingWindow { map["maximumBatchingWindow"] = .int(window) }
            if sqs.reportBatchItemFailures { map["functionResponseType"] = "ReportBatchItemFailures" }
            if let concurrency = sqs.maximumConcurrency { map["maximumConcurrency"] = .int(concurrency) }
            return .map(["sqs": .map(map)])
        }
    }
}
