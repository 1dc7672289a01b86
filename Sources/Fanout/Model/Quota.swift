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
