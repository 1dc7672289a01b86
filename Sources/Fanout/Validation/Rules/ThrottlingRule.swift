/// FAN822: throttling and quota values API Gateway refuses: a negative or non-finite rate, a
/// negative burst, a negative quota limit (in the stage throttling of ``APIGateway`` or its
/// usage plan); and a zero burst, which admits no request at all.
public struct ThrottlingRule: Rule {
    public let code = "FAN822"
    public let summary = "Throttling rates, bursts and quotas are values API Gateway accepts"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let gateway = context.service.provider.apiGateway else { return [] }
        var found: [Diagnostic] = []
        let base = "provider.apiGateway"
        if let throttling = gateway.throttling {
            found += problems(throttling, named: "the stage throttling", path: base + ".throttling", at: gateway.location)
        }
        if let throttle = gateway.usagePlan?.throttle {
            found += problems(throttle, named: "the usage plan's throttle", path: base + ".usagePlan.throttle", at: gateway.location)
        }
        if let quota = gateway.usagePlan?.quota, quota.limit < 0 {
            found.append(diagnostic(
                .error, "the usage plan's quota limit is \(quota.limit); API Gateway takes 0 or more requests per \(quota.period.rawValue.lowercased()); use a non-negative limit",
                path: base + ".usagePlan.quota.limit", at: gateway.location))
        }
        return found
    }

    private func problems(_ throttling: Throttling, named name: String, path: String, at location: SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if !throttling.rate.isFinite || throttling.rate < 0 {
            found.append(diagnostic(
                .error, "\(name) has the rate \(throttling.rate); API Gateway takes a rate of 0 or more requests per second; use a non-negative number, such as Throttling(rate: 50, burst: 100)",
                path: path + ".rate", at: location))
        }
        if throttling.burst < 0 {
            found.append(diagnostic(
                .error, "\(name) has the burst \(throttling.burst); API Gateway takes a burst of 0 or more requests; use a non-negative whole number, such as twice the rate",
                path: path + ".burst", at: location))
        } else if throttling.burst == 0 {
            found.append(diagnostic(
                .warning, "\(name) has a burst of 0: API Gateway then refuses every request with 429 Too Many Requests, whatever the rate; set a burst of at least 1, such as twice the rate",
                path: path + ".burst", at: location))
        }
        return found
    }
}
