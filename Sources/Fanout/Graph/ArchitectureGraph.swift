import OrderedCollections

/// What a service's diagram shows, read from the model (so low-level services draw as well as
/// `FanOut`s): HTTP routes → functions → the topics they publish to → subscribed queues (with
/// the filter on the edge) → the functions that drain them, each queue's dead-letter queue, and
/// the topics the queues' CloudWatch alarms notify.
/// Nodes and edges keep declaration order, so the same service always draws the same way.
struct ArchitectureGraph {
    enum Kind: Hashable {
        case route, function, topic, queue, deadLetterQueue, external
    }

    struct Node: Hashable {
        /// The node's identifier in the output: `n1`, `n2`, …, so any name is safe.
        var id: String
        var kind: Kind
        var label: String
    }

    struct Edge: Hashable {
        var from: String
        var to: String
        var label: String?
        /// Drawn dashed: a path messages take only when something fails.
        var dashed: Bool
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []
    /// The edges drawn so far, to draw each once in linear time.
    private var drawn: Set<Edge> = []
    /// Node identifiers by what they stand for (`function:trigger`, `resource:Queue`).
    private var ids: [String: String] = [:]

    init(_ service: Service) {
        let queues = service.resources.compactMap { $0 as? Queue }
        let topics = service.resources.compactMap { $0 as? Topic }
        let subscriptions = service.resources.compactMap { $0 as? Subscription }
        let queueIDs = Set(queues.map(\.logicalID)), topicIDs = Set(topics.map(\.logicalID))
        var functionsByLogicalID: [String: String] = [:]
        for function in service.functions { functionsByLogicalID[Naming.lambdaLogicalID(function.key)] = function.key }

        // The queues that receive what others could not deliver or process.
        var deadLetterQueues: Set<String> = []
        for queue in queues {
            if let target = queue.redrivePolicy.flatMap({ Self.id(in: $0.deadLetterTargetARN, among: queueIDs) }) {
                deadLetterQueues.insert(target)
            }
        }
        for subscription in subscriptions {
            if let target = subscription.deadLetterTargetARN.flatMap({ Self.id(in: $0, among: queueIDs) }) {
                deadLetterQueues.insert(target)
            }
        }

        for function in service.functions {
            for case .http(let http) in function.events {
                add("route:\(http.method.rawValue.uppercased()) \(http.path)", .route, "\(http.method.rawValue.uppercased()) \(http.path)")
            }
        }
        for function in service.functions { add("function:\(function.key)", .function, function.key) }
        for topic in topics { add("resource:\(topic.logicalID)", .topic, "\(topic.logicalID) (SNS topic)") }
        for queue in queues {
            let isDeadLetter = deadLetterQueues.contains(queue.logicalID)
            add("resource:\(queue.logicalID)", isDeadLetter ? .deadLetterQueue : .queue,
                "\(queue.logicalID) (SQS \(isDeadLetter ? "dead-letter queue" : "queue"))")
        }

        for function in service.functions {
            let route = "function:\(function.key)"
            for case .http(let http) in function.events {
                connect("route:\(http.method.rawValue.uppercased()) \(http.path)", route)
            }
            // A function publishes to the topics its environment names or its own statements
            // let it publish to (statements shared by every function say nothing about which).
            var published = function.environment.values.flatMap(\.referencedLogicalIDs)
            for statement in function.iamStatements
            where statement.actions.elements.contains(where: { $0.lowercased() == "sns:publish" || $0 == "sns:*" }) {
                published += statement.resources.elements.flatMap(\.referencedLogicalIDs)
            }
            for topic in OrderedSet(published) where topicIDs.contains(topic) {
                connect(route, "resource:\(topic)", label: "publishes")
            }
        }
        for subscription in subscriptions {
            let topic: String
            if let id = Self.id(in: subscription.topicARN, among: topicIDs) {
                topic = "resource:\(id)"
            } else {
                topic = external("topic \(Self.describe(subscription.topicARN))")
            }
            let target: String
            if let queue = Self.id(in: subscription.endpoint, among: queueIDs) {
                target = "resource:\(queue)"
            } else if let key = subscription.endpoint.referencedLogicalIDs.lazy.compactMap({ functionsByLogicalID[$0] }).first {
                target = "function:\(key)"
            } else {
                target = external("\(subscription.deliveryProtocol.rawValue) \(Self.describe(subscription.endpoint))")
            }
            connect(topic, target, label: subscription.filter.map(Self.summary))
            if let queue = subscription.deadLetterTargetARN.flatMap({ Self.id(in: $0, among: queueIDs) }) {
                connect(topic, "resource:\(queue)", label: "undeliverable", dashed: true)
            }
        }
        for queue in queues {
            if let redrive = queue.redrivePolicy, let target = Self.id(in: redrive.deadLetterTargetARN, among: queueIDs) {
                let count = redrive.maxReceiveCount
                connect("resource:\(queue.logicalID)", "resource:\(target)",
                        label: "after \(count) receive\(count == 1 ? "" : "s")", dashed: true)
            }
        }
        // A CloudWatch alarm on a queue notifies its topics: dashed, as it fires only on failure.
        for alarm in service.resources where alarm.type == "AWS::CloudWatch::Alarm" {
            var properties = alarm.properties
            let actions = properties.removeValue(forKey: "AlarmActions")?.referencedLogicalIDs ?? []
            properties.removeValue(forKey: "OKActions")
            let watched = OrderedSet(properties.values.flatMap(\.referencedLogicalIDs).filter(queueIDs.contains))
            for queue in watched {
                for topic in OrderedSet(actions) where topicIDs.contains(topic) {
                    connect("resource:\(queue)", "resource:\(topic)", label: "alarm", dashed: true)
                }
            }
        }
        for function in service.functions {
            for case .sqs(let sqs) in function.events {
                let source = Self.id(in: sqs.arn, among: queueIDs).map { "resource:\($0)" }
                    ?? external("queue \(Self.describe(sqs.arn))")
                connect(source, "function:\(function.key)")
            }
        }
    }

    private mutating func add(_ key: String, _ kind: Kind, _ label: String) {
        guard ids[key] == nil else { return }
        let id = "n\(nodes.count + 1)"
        ids[key] = id
        nodes.append(Node(id: id, kind: kind, label: label))
    }

    /// A node for something outside the model (a queue declared elsewhere, an e-mail address).
    private mutating func external(_ label: String) -> String {
        let key = "external:\(label)"
        add(key, .external, label)
        return key
    }

    private mutating func connect(_ from: String, _ to: String, label: String? = nil, dashed: Bool = false) {
        guard let from = ids[from], let to = ids[to] else { return }
        let edge = Edge(from: from, to: to, label: label, dashed: dashed)
        if drawn.insert(edge).inserted { edges.append(edge) }
    }

    /// The first logical ID among `ids` that `value` refers to.
    private static func id(in value: Value, among ids: Set<String>) -> String? {
        value.referencedLogicalIDs.first(where: ids.contains)
    }

    /// A short spelling of a value outside the model, for a node's label.
    private static func describe(_ value: Value) -> String {
        switch value {
        case .string(let string): string
        case .text(let text): text.description
        case .ref(let id): id
        case .getAtt(let id, let attribute): "\(id).\(attribute)"
        default: "(computed)"
        }
    }

    /// The filter policy in a line: `filter (body): priority = high`, values separated by
    /// `|`, at most about 60 characters.
    static func summary(_ policy: FilterPolicy) -> String {
        var leaves: [String] = []
        // An explicit stack in declaration order: a body policy may nest deeply.
        var pending: [(entries: ArraySlice<(key: String, value: Value)>, prefix: String)] = [(ArraySlice(policy.conditions.elements), "")]
        while let top = pending.popLast(), leaves.count < 8 {
            guard let (key, value) = top.entries.first else { continue }
            pending.append((top.entries.dropFirst(), top.prefix))
            if case .map(let nested) = value, policy.scope == .messageBody, pending.count < 16 {
                pending.append((ArraySlice(nested.elements), top.prefix + key + "."))
                continue
            }
            let values = value.listValue.map(Self.operand).joined(separator: " | ")
            leaves.append("\(top.prefix)\(key) = \(values)")
        }
        let text = "filter\(policy.scope == .messageBody ? " (body)" : ""): " + leaves.joined(separator: "; ")
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    private static func operand(_ value: Value) -> String {
        switch value {
        case .string(let string): string
        case .text(let text): text.description
        case .int(let int): String(int)
        case .bool(let bool): String(bool)
        default: (try? JSONRenderer(compact: true).render(value)) ?? "…"
        }
    }
}
