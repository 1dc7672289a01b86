/// FAN009: two queues, or two topics, with the same physical name once Serverless variables
/// are resolved for the stage and region — such as a consumer `orders` and a consumer
/// `orders-dlq`, whose queue is named like the first one's dead-letter queue. SQS refuses the
/// second queue, so the deploy fails; two topics with one name quietly become one topic.
///
/// Names compare as AWS compares them: exactly, case included, per resource type (queue
/// names are unique per account and region, topic names too). Function names
/// (`<service>-<stage>-<key>`) can only collide through equal keys, which FAN003 reports.
public struct DuplicatePhysicalNameRule: Rule {
    public let code = "FAN009"
    public let summary = "Queue names and topic names are unique after variables are resolved"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let queues = context.queues.map { ($0 as any Resource, $0.name, "QueueName") }
        let topics = context.topics.map { ($0 as any Resource, $0.name, "TopicName") }
        return duplicates(queues, kind: "queue", context) { id, first in
            "SQS queue names are unique per account and region, so creating \(id) fails and the deploy rolls back. Give one queue another name (a FanOut consumer 'x' names its dead-letter queue 'x-dlq', so no other consumer may be called 'x-dlq'); first declared at \(first.location)"
        } + duplicates(topics, kind: "topic", context) { _, first in
            "SNS returns the existing topic for an existing name, so both resources become one topic: each gets the other's subscribers, and deleting one deletes both. Give one topic another name; first declared at \(first.location)"
        }
    }

    private func duplicates(
        _ resources: [(any Resource, Text?, String)], kind: String, _ context: ValidationContext,
        consequence: (String, any Resource) -> String
    ) -> [Diagnostic] {
        var seen: [String: any Resource] = [:]
        var found: [Diagnostic] = []
        for (resource, name, property) in resources {
            guard let name = name.flatMap(context.physicalName) else { continue }
            guard let first = seen[name] else {
                seen[name] = resource
                continue
            }
            // The same logical ID twice is FAN001's.
            guard first.logicalID != resource.logicalID else { continue }
            found.append(diagnostic(
                .error,
                "\(resource.logicalID) and \(first.logicalID) are both the \(kind) named '\(name)': " + consequence(resource.logicalID, first),
                path: context.path(resource) + ".Properties.\(property)", at: resource.location))
        }
        return found
    }
}
