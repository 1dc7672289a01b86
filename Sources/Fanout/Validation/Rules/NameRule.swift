/// FAN401: physical names within AWS's limits: queue names up to 80 characters and topic
/// names up to 256, both `[A-Za-z0-9_-]` (plus a `.fifo` suffix that counts); function
/// names (`<service>-<stage>-<key>`) up to 64 characters.
public struct NameRule: Rule {
    public let code = "FAN401"
    public let summary = "Queue, topic and function names fit AWS's length and character limits"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ name: String, kind: String, limit: Int, path: String, at location: SourceLocation) {
            let base = name.hasSuffix(".fifo") ? String(name.dropLast(5)) : name
            if name.count > limit {
                found.append(diagnostic(.error, "\(kind) name '\(name)' is \(name.count) characters; the limit is \(limit)",
                                        path: path, at: location))
            }
            if !AWSName.hasAllowedCharacters(base) {
                found.append(diagnostic(.error, "\(kind) name '\(name)' may contain only letters, digits, '-' and '_' (and end in .fifo)",
                                        path: path, at: location))
            }
        }
        for queue in context.queues {
            if let name = queue.name.flatMap(context.resolve) {
                check(name, kind: "queue", limit: AWSName.queueLimit, path: context.path(queue) + ".Properties.QueueName", at: queue.location)
            }
        }
        for topic in context.topics {
            if let name = topic.name.flatMap(context.resolve) {
                check(name, kind: "topic", limit: AWSName.topicLimit, path: context.path(topic) + ".Properties.TopicName", at: topic.location)
            }
        }
        // A key with other characters is FAN002's.
        for function in context.service.functions where AWSName.hasAllowedCharacters(function.key) {
            let name = Naming.functionName(service: context.service.name, stage: context.stage, key: function.key)
            check(name, kind: "function", limit: AWSName.functionLimit, path: context.path(function), at: function.location)
        }
        return found
    }
}
