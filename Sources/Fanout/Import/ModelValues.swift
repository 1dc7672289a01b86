import OrderedCollections

/// Turns imported ``Value``s into the model's typed values — statements, topics, queues,
/// queue policies, subscriptions — but only when the typed value writes exactly what was
/// read; anything else is a ``Refusal`` saying why, and the caller keeps the value as it is.
enum ModelValues {
    // MARK: - Statements

    /// An IAM statement: Sid, Effect, Principal, Action, Resource and Condition.
    static func statement(_ value: Value) throws(Refusal) -> Statement {
        guard case .map(let map) = value else { throw Refusal("a statement is a mapping with Effect, Action and Resource") }
        for key in map.keys where !["Sid", "Effect", "Principal", "Action", "Resource", "Condition"].contains(key) {
            throw Refusal("Fanout's Statement has no `\(key)` (it has Sid, Effect, Principal, Action, Resource and Condition)")
        }
        guard let effectText = map["Effect"]?.stringValue, let effect = Statement.Effect(rawValue: effectText) else {
            throw Refusal("a statement needs `Effect: Allow` or `Effect: Deny`")
        }
        guard let actionValue = map["Action"], let resourceValue = map["Resource"] else {
            throw Refusal("a statement needs both `Action` and `Resource`")
        }
        let actions: OneOrMany<String>
        switch actionValue {
        case .list(let items):
            let strings = items.compactMap(ServiceReader.plainString)
            guard strings.count == items.count else { throw Refusal("every `Action` must be a string") }
            actions = .many(strings)
        default:
            guard let action = ServiceReader.plainString(actionValue) else { throw Refusal("`Action` must be a string or a list of strings") }
            actions = .one(action)
        }
        let resources: OneOrMany<Value>
        if case .list(let items) = resourceValue { resources = .many(items) } else { resources = .one(resourceValue) }
        var sid: String?
        if let sidValue = map["Sid"] {
            guard let text = sidValue.stringValue else { throw Refusal("`Sid` must be a string") }
            sid = text
        }
        let statement = Statement(
            effect, sid: sid, principal: try map["Principal"].map(principal), actions: actions, resources: resources,
            condition: try map["Condition"].map(condition))
        guard sameContent(statement.value, value) else { throw Refusal("Fanout's Statement would write it differently") }
        return statement
    }

    private static func principal(_ value: Value) throws(Refusal) -> Principal {
        if value.stringValue == "*" { return .everyone }
        guard case .map(let map) = value, map.count == 1, let kind = map.keys.first, let who = map.values.first else {
            throw Refusal("`Principal` must be `*`, `{Service: …}` or `{AWS: …}`")
        }
        switch (kind, who) {
        case ("Service", .list(let items)):
            let services = items.compactMap(\.stringValue)
            guard services.count == items.count else { throw Refusal("every `Principal.Service` must be a string") }
            return .service(.many(services))
        case ("Service", .string(let service)):
            return .service(.one(service))
        case ("AWS", .list(let items)):
            return .aws(.many(items))
        case ("AWS", _):
            return .aws(.one(who))
        default:
            throw Refusal("Fanout's Principal has no `\(kind)` form (it has `*`, Service and AWS)")
        }
    }

    private static func condition(_ value: Value) throws(Refusal) -> Condition {
        guard case .map(let operators) = value else { throw Refusal("`Condition` must map operators to keys and values") }
        var clauses: [Condition.Clause] = []
        for (op, tests) in operators {
            guard case .map(let keys) = tests else { throw Refusal("`Condition.\(op)` must map keys to values") }
            for (key, values) in keys {
                if case .list(let items) = values {
                    clauses.append(Condition.Clause(op, key, .many(items)))
                } else {
                    clauses.append(Condition.Clause(op, key, .one(values)))
                }
            }
        }
        return Condition(clauses)
    }

    // MARK: - Resources

    /// The typed resource for `type`, when Fanout models it and writes `properties` back
    /// exactly.
    static func resource(
        _ logicalID: String, type: String, properties: OrderedDictionary<String, Value>, file: String, line: Int
    ) throws(Refusal) -> any Resource {
        let typed: any Resource
        switch type {
        case "AWS::SNS::Topic":
            try allow(properties, ["TopicName", "DisplayName", "FifoTopic", "KmsMasterKeyId"], in: "Topic")
            let encryption: TopicEncryption? = properties["KmsMasterKeyId"].map { key in
                key == .string(TopicEncryption.awsManagedKeyAlias) ? .awsManaged : .kms(key)
            }
            typed = Topic(
                logicalID, name: try text(properties["TopicName"]), displayName: properties["DisplayName"]?.stringValue,
                fifo: properties["FifoTopic"] == .bool(true), encryption: encryption, file: file, line: line)
        case "AWS::KMS::Key":
            try allow(properties, ["Description", "EnableKeyRotation", "KeyPolicy"], in: "KMSKey")
            // Besides the account's statement, only the grant the Binder derives again (CloudWatch
            // alarms notifying a topic encrypted with the key); the round trip checks it returns.
            let derived = Binder.alarmGrant(at: SourceLocation(file: file, line: line)).value
            guard case .list(let statements)? = properties["KeyPolicy"]?.mapValue?["Statement"],
                  statements.count >= 1, statements.dropFirst().allSatisfy({ $0 == derived })
            else {
                throw Refusal("Fanout's KMSKey is imported with its account statement alone; grants to services are written as given")
            }
            typed = KMSKey(logicalID, description: properties["Description"]?.stringValue,
                           grants: statements.count > 1 ? [Binder.alarmGrant(at: SourceLocation(file: file, line: line))] : [],
                           file: file, line: line)
        case "AWS::SQS::Queue":
            try allow(properties, ["QueueName", "FifoQueue", "VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                                   "ReceiveMessageWaitTimeSeconds", "SqsManagedSseEnabled", "KmsMasterKeyId", "RedrivePolicy"],
                      in: "Queue")
            var encryption: QueueEncryption?
            if properties["SqsManagedSseEnabled"] == .bool(true) { encryption = .sqsManaged }
            if let key = properties["KmsMasterKeyId"] { encryption = .kms(key) }
            var redrive: RedrivePolicy?
            if let policy = properties["RedrivePolicy"]?.mapValue, let target = policy["deadLetterTargetArn"],
               case .int(let count)? = policy["maxReceiveCount"] {
                redrive = RedrivePolicy(deadLetterTargetARN: target, maxReceiveCount: count)
            }
            typed = Queue(
                logicalID, name: try text(properties["QueueName"]), fifo: properties["FifoQueue"] == .bool(true),
                visibilityTimeout: int(properties["VisibilityTimeout"]),
                messageRetentionPeriod: int(properties["MessageRetentionPeriod"]),
                delaySeconds: int(properties["DelaySeconds"]),
                receiveMessageWaitTime: int(properties["ReceiveMessageWaitTimeSeconds"]),
                encryption: encryption, redrivePolicy: redrive, file: file, line: line)
        case "AWS::SQS::QueuePolicy":
            try allow(properties, ["Queues", "PolicyDocument"], in: "QueuePolicy")
            guard case .list(let queues)? = properties["Queues"], let document = properties["PolicyDocument"]?.mapValue,
                  case .list(let statements)? = document["Statement"]
            else { throw Refusal("a QueuePolicy needs a list of `Queues` and a `PolicyDocument` with a list of statements") }
            var parsed: [Statement] = []
            for statement in statements { parsed.append(try self.statement(statement)) }
            typed = QueuePolicy(logicalID, queueURLs: queues, statements: parsed, file: file, line: line)
        case "AWS::SNS::Subscription":
            try allow(properties, ["TopicArn", "Protocol", "Endpoint", "RawMessageDelivery", "FilterPolicy",
                                   "FilterPolicyScope", "RedrivePolicy"], in: "Subscription")
            guard let topic = properties["TopicArn"], let endpoint = properties["Endpoint"],
                  let deliveryProtocol = properties["Protocol"]?.stringValue
            else { throw Refusal("a Subscription needs `TopicArn`, `Protocol` and `Endpoint`") }
            var filter: FilterPolicy?
            if let conditions = properties["FilterPolicy"]?.mapValue {
                filter = properties["FilterPolicyScope"] == "MessageBody" ? .body(conditions) : .attributes(conditions)
            }
            var raw: Bool?
            if case .bool(let flag)? = properties["RawMessageDelivery"] { raw = flag }
            typed = Subscription(
                logicalID, topicARN: topic, protocol: Subscription.DeliveryProtocol(rawValue: deliveryProtocol),
                endpoint: endpoint, rawMessageDelivery: raw, filter: filter,
                deadLetterTargetARN: properties["RedrivePolicy"]?.mapValue?["deadLetterTargetArn"], file: file, line: line)
        case "AWS::CloudWatch::Alarm":
            typed = try alarm(logicalID, properties, file: file, line: line)
        default:
            throw Refusal("Fanout has no model of \(type)")
        }
        let written = typed.properties
        for (key, value) in properties where !(written[key].map { sameContent($0, value) } ?? false) {
            throw Refusal("Fanout's \(Swift.type(of: typed)) would write `\(key)` differently")
        }
        for key in written.keys where properties[key] == nil {
            throw Refusal("Fanout's \(Swift.type(of: typed)) would add `\(key)`")
        }
        return typed
    }

    /// An alarm on one metric with a whole-number threshold; metric math and the rest stay
    /// custom.
    private static func alarm(
        _ logicalID: String, _ properties: OrderedDictionary<String, Value>, file: String, line: Int
    ) throws(Refusal) -> Alarm {
        try allow(properties, ["AlarmName", "AlarmDescription", "Namespace", "MetricName", "Dimensions", "Statistic",
                               "Period", "EvaluationPeriods", "Threshold", "ComparisonOperator", "TreatMissingData",
                               "AlarmActions", "OKActions"], in: "Alarm")
        guard let namespace = properties["Namespace"]?.stringValue, let metric = properties["MetricName"]?.stringValue,
              let statistic = properties["Statistic"]?.stringValue, let period = int(properties["Period"]),
              let evaluationPeriods = int(properties["EvaluationPeriods"]), let threshold = int(properties["Threshold"]),
              let comparison = properties["ComparisonOperator"]?.stringValue
        else { throw Refusal("an Alarm needs Namespace, MetricName, Statistic, ComparisonOperator, and Period, EvaluationPeriods and Threshold as whole numbers") }
        var dimensions: OrderedDictionary<String, Value> = [:]
        for dimension in properties["Dimensions"]?.listValue ?? [] {
            guard let map = dimension.mapValue, map.count == 2, let name = map["Name"]?.stringValue, let value = map["Value"],
                  dimensions.updateValue(value, forKey: name) == nil
            else { throw Refusal("each of an Alarm's `Dimensions` must be a distinct `Name` with a `Value`") }
        }
        let description: String?
        switch properties["AlarmDescription"] {
        case nil: description = nil
        case .string(let text)?: description = text
        default: throw Refusal("`AlarmDescription` must be a string to be typed")
        }
        return Alarm(
            logicalID, name: try text(properties["AlarmName"]), description: description, metric: metric,
            namespace: namespace, dimensions: dimensions, statistic: statistic, period: period,
            evaluationPeriods: evaluationPeriods, threshold: threshold, comparison: comparison,
            treatMissingData: properties["TreatMissingData"]?.stringValue,
            actions: properties["AlarmActions"]?.listValue ?? [], okActions: properties["OKActions"]?.listValue ?? [],
            file: file, line: line)
    }

    private static func allow(_ properties: OrderedDictionary<String, Value>, _ keys: Set<String>, in type: String) throws(Refusal) {
        for key in properties.keys where !keys.contains(key) {
            throw Refusal("Fanout's \(type) has no `\(key)`")
        }
    }

    private static func text(_ value: Value?) throws(Refusal) -> Text? {
        guard let value else { return nil }
        guard let string = ServiceReader.plainString(value) else { throw Refusal("names must be strings to be typed") }
        return Text(stringLiteral: string)
    }

    private static func int(_ value: Value?) -> Int? {
        if case .int(let int)? = value { return int }
        return nil
    }

    // MARK: - Comparing

    /// Whether two values hold the same content: maps compared regardless of key order,
    /// texts with variables as the strings they are written as.
    static func sameContent(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.text(let text), _): sameContent(.string(text.description), b)
        case (_, .text(let text)): sameContent(a, .string(text.description))
        case (.map(let x), .map(let y)):
            x.count == y.count && x.allSatisfy { key, value in y[key].map { sameContent(value, $0) } ?? false }
        case (.list(let x), .list(let y)):
            x.count == y.count && zip(x, y).allSatisfy { sameContent($0, $1) }
        case (.sub(let template, let variables), .sub(let otherTemplate, let otherVariables)):
            template == otherTemplate && sameContent(.map(variables), .map(otherVariables))
        case (.join(let delimiter, let items), .join(let otherDelimiter, let otherItems)):
            delimiter == otherDelimiter && sameContent(.list(items), .list(otherItems))
        case (.function(let name, let argument), .function(let otherName, let otherArgument)):
            name == otherName && sameContent(argument, otherArgument)
        default:
            a == b
        }
    }
}
