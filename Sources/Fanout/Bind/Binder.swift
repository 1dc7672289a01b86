import OrderedCollections

/// The bind stage: what a service derives from its references once it is whole, so the order
/// of declaration never matters (as the AWS CDK's `bind` does).
///
/// Today that is the key-policy grant of each customer-managed ``KMSKey`` the service declares:
/// SNS must encrypt with the key to deliver to a subscribed queue (and to the subscription's
/// dead-letter queue) encrypted with it; and CloudWatch must use the key of an encrypted topic
/// its alarms notify. Binding is idempotent.
enum Binder {
    /// The `Sid` of the key-policy statement that lets SNS encrypt for subscribed queues.
    static let keyGrantSid = "SNSEncryptsForSubscribedQueues"

    static func bind(_ service: Service) -> Service {
        grantingKeys(service).compilingProperties()
    }

    /// `service` with the key-policy grants its references imply.
    private static func grantingKeys(_ service: Service) -> Service {
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
            key.grants = Self.granting(key.grants, sources: sources, at: location)
            bound.resources[index] = key
        }
        return grantingAlarms(bound, keys: keys)
    }

    /// The `Sid` of the key-policy statement that lets CloudWatch alarms publish to a topic
    /// encrypted with the key.
    static let alarmGrantSid = "CloudWatchAlarmsPublish"

    /// CloudWatch publishes an alarm's notifications itself, so a topic encrypted with a
    /// customer-managed key receives them only when the key policy lets `cloudwatch.amazonaws.com`
    /// use the key (AWS, "Using Amazon CloudWatch alarms", encrypted topics:
    /// docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html); without
    /// it every notification fails silently. Each declared key that encrypts a topic an alarm
    /// notifies gets that statement once.
    static func alarmGrant(at location: SourceLocation) -> Statement {
        Statement(
            sid: alarmGrantSid, principal: .service("cloudwatch.amazonaws.com"),
            actions: KMSKey.useActions, resources: .one("*"), file: location.file, line: location.line)
    }

    private static func grantingAlarms(_ service: Service, keys: Set<String>) -> Service {
        var notified: Set<Value> = []
        for case let alarm as Alarm in service.resources {
            notified.formUnion(alarm.actions)
            notified.formUnion(alarm.okActions)
        }
        guard !notified.isEmpty else { return service }
        var alarmKeys: OrderedDictionary<String, SourceLocation> = [:]
        for case let topic as Topic in service.resources where notified.contains(topic.arn) {
            guard case .kms(let key)? = topic.encryption, let keyID = logicalID(of: key), keys.contains(keyID),
                  alarmKeys[keyID] == nil
            else { continue }
            alarmKeys[keyID] = topic.location
        }
        guard !alarmKeys.isEmpty else { return service }
        var bound = service
        for index in bound.resources.indices {
            guard var key = bound.resources[index] as? KMSKey, let location = alarmKeys[key.logicalID],
                  !key.grants.contains(where: { $0.sid == alarmGrantSid })
            else { continue }
            key.grants.append(alarmGrant(at: location))
            bound.resources[index] = key
        }
        return bound
    }

    /// The key policy's `grants` with SNS allowed to encrypt for `sources`. Only a statement
    /// Fanout generated (its Sid and its shape, see ``isGenerated(_:)``) is replaced, its
    /// topics merged with `sources`, so binding twice changes nothing; a user's own statement
    /// that happens to use the Sid is kept as written, and the grant is added beside it under
    /// ``alternateKeyGrantSid`` (Sids are unique in a policy).
    static func granting(_ grants: [Statement], sources: [Value], at location: SourceLocation) -> [Statement] {
        var grants = grants
        let sid = grants.contains { $0.sid == keyGrantSid && !isGenerated($0) } ? alternateKeyGrantSid : keyGrantSid
        var topics: [Value] = []
        let existing = grants.firstIndex { $0.sid == sid }
        if let existing {
            // A user's statement under the alternate Sid, too: leave everything as written.
            guard isGenerated(grants[existing]) else { return grants }
            topics = grants[existing].condition?.values(for: "aws:SourceArn") ?? []
        }
        for source in sources where !topics.contains(source) { topics.append(source) }
        let grant = Statement(
            sid: sid, principal: .service("sns.amazonaws.com"),
            actions: KMSKey.useActions, resources: .one("*"),
            condition: Condition([Condition.Clause(
                "ArnEquals", "aws:SourceArn", topics.count == 1 ? .one(topics[0]) : .many(topics))]),
            file: location.file, line: location.line)
        if let existing { grants[existing] = grant } else { grants.append(grant) }
        return grants
    }

    /// The Sid of the grant when a user's own statement already has ``keyGrantSid``.
    static let alternateKeyGrantSid = keyGrantSid + "ByFanout"

    /// Whether `statement` has the shape of the grant Fanout generates: SNS allowed
    /// ``KMSKey/useActions`` on `*`, restricted by one `ArnEquals aws:SourceArn` clause.
    static func isGenerated(_ statement: Statement) -> Bool {
        statement.effect == .allow && statement.principal == .service("sns.amazonaws.com")
            && statement.actions == KMSKey.useActions && statement.resources == .one("*")
            && statement.condition?.clauses.count == 1
            && statement.condition?.clauses.first.map { $0.operator == "ArnEquals" && $0.key == "aws:SourceArn" } == true
    }

    /// The logical ID a key reference names: `!Ref Key` or `!GetAtt Key.Arn`.
    private static func logicalID(of key: Value) -> String? {
        switch key {
        case .ref(let id), .getAtt(let id, "Arn"): id
        default: nil
        }
    }
}
