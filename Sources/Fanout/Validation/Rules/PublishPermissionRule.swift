/// FAN301: a function that publishes to a topic (its environment names the topic) without
/// `sns:Publish` on it: every publish fails with AccessDenied.
public struct PublishPermissionRule: Rule {
    public let code = "FAN301"
    public let summary = "A function that publishes to a topic may sns:Publish to it"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.service.functions.flatMap { function -> [Diagnostic] in
            context.publishedTopics(of: function).compactMap { topic in
                let granted = context.statements(for: function).contains { $0.allows("sns:Publish") && $0.covers(topic.arn) }
                guard !granted else { return nil }
                return diagnostic(
                    .error,
                    "\(function.key) publishes to \(topic.logicalID) (its environment names it) but no IAM statement allows sns:Publish on it: every publish fails with AccessDenied. Allow sns:Publish on topic.arn",
                    path: context.path(function) + ".environment", at: function.location)
            }
        }
    }
}
