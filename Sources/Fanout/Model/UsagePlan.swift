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

/// A usage plan's quota: at most `limit` requests per `period`.
public struct Quota: Hashable, Sendable {
    /// The period a quota counts over (`DAY`, `WEEK` or `MONTH`, the values AWS accepts).
    public enum Period: String, Hashable, Sendable, CaseIterable {
        case day = "DAY", week = "WEEK", month = "MONTH"
    }

    /// Requests allowed per period; 0 or more.
    public var limit: Int
    public var period: Period

    public init(limit: Int, period: Period) {
        self.limit = limit
        self.period = period
    }
}
