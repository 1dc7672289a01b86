/// What each function does with other resources, as far as the model shows it: a function
/// whose environment names a topic publishes to it, one whose environment names a queue sends
/// to it, and one with an `sqs` event consumes that queue.
struct PermissionUsage {
    /// An action on a resource, such as `sns:Publish` on `!Ref Topic`.
    struct Use: Hashable {
        var action: String
        var resource: Value
    }

    /// What a queue's consumer does with it.
    static let consumerActions = SQS.consumerActions + ["sqs:ChangeMessageVisibility"]
    /// What the compilation (like the Serverless Framework) grants every event source's consumer.
    static let grantedConsumerActions = SQS.consumerActions
    /// Actions whose use the model can see; others may be used by code Fanout cannot read.
    static let knownActions = Set((["sns:Publish", "sqs:SendMessage"] + consumerActions).map { $0.lowercased() })

    private(set) var uses: [String: Set<Use>] = [:]

    init(_ context: ValidationContext) {
        for function in context.service.functions {
            var set: Set<Use> = []
            for value in function.environment.values {
                for id in value.referencedLogicalIDs {
                    switch context.resource(id) {
                    case let topic as Topic: set.insert(Use(action: "sns:Publish", resource: topic.arn))
                    case let queue as Queue: set.insert(Use(action: "sqs:SendMessage", resource: queue.arn))
                    default: break
                    }
                }
            }
            for case .sqs(let event) in function.events {
                for action in Self.consumerActions { set.insert(Use(action: action, resource: event.arn)) }
            }
            uses[function.key] = set
        }
    }

    /// The functions that use `action` (a name, no wildcard) on one of `resources`.
    func users(of action: String, on resources: [Value], in functions: [Function]) -> [Function] {
        functions.filter { function in
            (uses[function.key] ?? []).contains { use in
                use.action.lowercased() == action.lowercased() && resources.contains(use.resource)
            }
        }
    }

    static func isWildcard(_ action: String) -> Bool { action.contains("*") }
    static func isConsumerAction(_ action: String) -> Bool {
        consumerActions.contains { $0.lowercased() == action.lowercased() }
    }
    static func isGrantedConsumerAction(_ action: String) -> Bool {
        grantedConsumerActions.contains { $0.lowercased() == action.lowercased() }
    }
}
