/// Settings of the service's REST API, as the Serverless Framework's `provider.apiGateway`:
/// stage throttling, the API keys that `.apiKey` endpoints take, and their usage plan.
///
/// ```swift
/// APIGateway(throttling: Throttling(rate: 50, burst: 100))
/// APIGateway(apiKeys: ["\(Variable.service)-\(Variable.stage)-partner"],
///            usagePlan: UsagePlan(quota: Quota(limit: 10_000, period: .month),
///                                 throttle: Throttling(rate: 10, burst: 20)))
/// ```
///
/// A service has one; a later `APIGateway` replaces an earlier one.
///
/// Stage throttling applies to every method of the stage, whoever calls it. The Serverless
/// Framework v3 has no setting for it (its usage plan throttle only limits requests that carry
/// an API key), so:
/// - raw CloudFormation sets it on the stage the deployment creates:
///   `ApiGatewayDeployment….Properties.StageDescription` `ThrottlingRateLimit` /
///   `ThrottlingBurstLimit` (no separate `AWS::ApiGateway::Stage`, which would clash with the
///   stage `StageName` creates, the problem that keeps Serverless itself from declaring one);
/// - serverless.yml renders it with the `serverless-api-gateway-throttling` plugin listed on
///   serverless.com (`plugins:` and `custom.apiGatewayThrottling: {maxRequestsPerSecond,
///   maxConcurrentRequests}`), which sets the same stage settings after `serverless deploy`.
///   Without the plugin installed, `serverless deploy` stops with "plugin not found" rather
///   than deploying an unthrottled stage.
public struct APIGateway: ServiceComponent, Hashable {
    /// Stage-wide throttling: requests per second and burst, for every method.
    public var throttling: Throttling?
    /// Names of the API keys to create (`provider.apiGateway.apiKeys`); AWS generates their
    /// values. API key names are per account and region: include the stage.
    public var apiKeys: [Text]
    /// The usage plan the keys belong to (`provider.apiGateway.usagePlan`): a quota and a
    /// throttle per key. One is created whenever there are keys.
    public var usagePlan: UsagePlan?
    public let location: SourceLocation

    public init(throttling: Throttling? = nil, apiKeys: [Text] = [], usagePlan: UsagePlan? = nil,
                file: String = #filePath, line: Int = #line) {
        self.throttling = throttling
        self.apiKeys = apiKeys
        self.usagePlan = usagePlan
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to service: inout Service) {
        service.provider.apiGateway = self
    }

    /// Whether raw CloudFormation gets a usage plan: when keys or a plan are given, as in
    /// the Serverless Framework.
    var hasUsagePlan: Bool { usagePlan != nil || !apiKeys.isEmpty }
}
