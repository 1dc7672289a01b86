/// FAN821: an `http` event with no authorisation on a function that publishes to a topic.
/// Anyone who finds the URL can publish into the fan-out: every request becomes a message in
/// every subscribed queue and an invocation of every consumer — a cost and abuse vector
/// (checkov's CKV_AWS_59 flags the same method).
public struct OpenTriggerRule: Rule {
    public let code = "FAN821"
    public let summary = "An http event that publishes to a topic requires authorisation"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for function in context.service.functions {
            let open = function.events.compactMap { event -> HTTP? in
                if case .http(let http) = event, !http.authorization.isAuthenticated { http } else { nil }
            }
            guard !open.isEmpty else { continue }
            let topics = context.publishedTopics(of: function).map(\.logicalID).sorted()
            guard !topics.isEmpty else { continue }
            for http in open {
                found.append(diagnostic(
                    .warning,
                    "\(http.method.rawValue.uppercased()) \(http.path) invokes \(function.key), which publishes to \(topics.joined(separator: ", ")), with no authorisation: anyone who finds the URL can publish into the fan-out, and every request becomes a message in every subscribed queue and a consumer invocation. Add authorization: .iam (callers sign with SigV4; grant them execute-api:Invoke), .cognito(name:userPoolARN:), or .apiKey with APIGateway(apiKeys:usagePlan:), and throttle the stage with APIGateway(throttling:)",
                    path: context.path(function) + ".events", at: http.location))
            }
        }
        return found
    }
}
