/// API Gateway throttling: a steady rate and a burst, as a token bucket.
public struct Throttling: Hashable, Sendable {
    /// Requests per second, steady state (`ThrottlingRateLimit`, `rateLimit`); 0 or more.
    public var rate: Double
    /// Requests admitted at once above the rate (`ThrottlingBurstLimit`, `burstLimit`); 0 or more.
    public var burst: Int

    public init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = burst
    }

    /// The rate as a template number: an integer when it is one, so `50` stays `50`.
    var rateValue: Value {
        if rate.rounded() == rate, let int = Int(exactly: rate) { return .int(int) }
        return .string(String(rate))
    }
}
