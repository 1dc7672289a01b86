import OrderedCollections

/// The bind stage: what a service derives from its references once it is whole, so the order
/// of declaration never matters (as the AWS CDK's `bind` does).
///
/// Today that is the key-policy grant of each customer-managed ``KMSKey`` the service declares:
/// SNS must encrypt with the key to deliver to a subscribed queue (and to the subscription's
/// dead-letter queue) encrypted with it. Binding is idempotent.
enum Binder {
    /// The `Sid` of the key-policy statement that lets SNS encrypt for subscribed queues.
    static let keyGrantSid = "SNSEncryptsForSubscribedQueues"

    static func bind(_ service: Service) -> Service {
        var queues: [String: Queue] = [:]
        var keys: Set<String> = []
        for resource in service.resources {
            if let queue = resource as? Queue, queues[queue.logicalID] == nil { queues[queue.logicalID] = queue }
            if resource is KMSKey { keys.insert(resource.logicalID) }
        }
        guard !keys.isEmpty else { return service }

        // The topics that deliver to queues encrypted with each declared key, in declaration order.
        var topics: OrderedDictionary<String, [Value]> = [:]
        var locations: [String: SourceLocation] = [:]
        for case let subscription as Subscription in service.resources where subscription.deliveryProtocol == .sqs {
            let targets = [subscription.endpoint, subscription.deadLetterTargetARN].compactMap { $0 }
            for case .getAtt(let queueID, _) in targets {
                guard case .kms(let key)? = queues[queueID]?.encryption, let keyID = logicalID(of: key),
                      keys.contains(keyID)
                else { continue }
                if !topics[keyID, default: []].contains(subscription.topicARN) {
                    topics[keyID, default: []].append(subscription.topicARN)
                }
                locations[keyID] = locations[keyID] ?? subscription.location
            }
        }

        var bound = service
        for index in bound.resources.indices {
            guard var key = bound.resources[index] as? KMSKey, let sources = topics[key.logicalID],
                  let location = locations[key.logicalID]
            else { continue }
            key.grants.removeAll { $0.sid == keyGrantSid }
            key.grants.append(Statement(
                sid: keyGrantSid, principal: .service("sns.amazonaws.com"),
                actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: .one("*"),
                condition: Condition([Condition.Clause(
                    "ArnEquals", "aws:SourceArn", sources.count == 1 ? .one(sources[0]) : .many(sources))]),
                file: location.file, line: location.line))
            bound.resources[index] = key
        }
        return bound
    }

    /// The logical ID a key reference names: `!Ref Key` or `!GetAtt Key.Arn`.
    private static func logicalID(of key: Value) -> String? {
        switch key {
        case .ref(let id), .getAtt(let id, "Arn"): id
        default: nil
        }
    }
}
