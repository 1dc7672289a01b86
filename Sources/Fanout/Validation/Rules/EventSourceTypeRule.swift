/// FAN206: an `sqs` event whose source is not a queue's ARN: a topic, another resource, or
/// the queue's URL.
public struct EventSourceTypeRule: Rule {
    public let code = "FAN206"
    public let summary = "An sqs event's source is a queue's ARN"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.sqsEvents.compactMap { function, event in
            guard let resource = context.resource(referencedBy: event.arn) else { return nil }
            let problem: String
            if let queue = resource as? Queue {
                guard event.arn == queue.url else { return nil }
                problem = "is \(queue.logicalID)'s URL (!Ref); use queue.arn (!GetAtt \(queue.logicalID).Arn)"
            } else {
                problem = "is \(resource.logicalID), a \(resource.type), not an SQS queue; an event source mapping reads from a queue (subscribe a queue to a topic and drain the queue)"
            }
            return diagnostic(.error, "the sqs event of \(function.key) \(problem)",
                              path: context.path(function) + ".events", at: event.location)
        }
    }
}
