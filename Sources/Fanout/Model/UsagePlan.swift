/// An API Gateway usage plan: how much each API key may call (`AWS::ApiGateway::UsagePlan`).
public struct UsagePlan: Hashable, Sendable {
    /// Requests per key per period.
    public var quota: Quota?
    /// Throttling per key.
    public var throttle: Throttling?

    public init(quota: Quota? = nil, throttle: Throttling? = nil) {
        self.quota = quota
        self.throttle = throttle
    }
}
