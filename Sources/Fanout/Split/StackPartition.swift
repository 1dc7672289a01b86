import OrderedCollections

/// Which resources of a compiled template belong to which consumer, and which nested stack
/// each consumer goes to.
///
/// A consumer is a function drained from a queue (it has an `sqs` event). Its group starts
/// from what the compilation made for it — the function, its log group, its role when roles
/// are per function, its event source mappings — and the queues it drains. Then, until
/// nothing changes, a resource of a per-consumer type (queue, queue policy, subscription,
/// permission, alarm…) joins a group when the resources it refers to lie in that one group
/// (a subscription, a queue policy) or, failing that, when the resources referring to it do
/// (a dead-letter queue). A resource tied to two groups this way, and every other type (the
/// topic, keys, the API, the publisher, a shared role), stays in the root. Groups that refer
/// to each other directly are merged: nested stacks never refer to one another.
///
/// A group's key is the smallest logical ID of its consumer functions; its stack is a stable
/// hash of that key modulo the stack count. Nothing about other groups enters either, which
/// is what keeps a consumer in place when others come and go.
struct StackPartition {
    /// One consumer group: its resources in template order, its key and stack number.
    struct Group {
        var members: [String]
        var key: String
        /// The keys of the consumer functions in the group, as the service names them.
        var consumers: [String]
        var stack: Int
    }

    /// The groups, in the order their first resource appears in the template.
    private(set) var groups: [Group] = []
    /// The group index of every resource that leaves the root.
    private(set) var groupOf: [String: Int] = [:]

    /// The resource types that may follow a consumer into its nested stack, besides what the
    /// compilation made for the consumer itself.
    static let consumerTypes: Set<String> = [
        "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::SNS::Subscription",
        "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Lambda::Alias",
        "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::EventSourceMapping",
        "AWS::Logs::LogGroup", "AWS::Logs::SubscriptionFilter", "AWS::Logs::MetricFilter",
        "AWS::CloudWatch::Alarm", "AWS::IAM::Policy",
    ]

    init(service: Service, resources: OrderedDictionary<String, Value>, stackCount: Int) {
        let ids = Array(resources.keys)
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() { index[id] = position }
        let definitions = Array(resources.values)

        // The reference graph, both ways, built once.
        var references = [[Int]](repeating: [], count: ids.count)
        var referrers = [[Int]](repeating: [], count: ids.count)
        for (position, definition) in definitions.enumerated() {
            var seen: Set<Int> = [position]
            for id in Self.dependencies(of: definition) {
                guard let target = index[id], seen.insert(target).inserted else { continue }
                references[position].append(target)
                referrers[target].append(position)
            }
        }

        var sets = DisjointSets(count: ids.count)
        var owned = [Bool](repeating: false, count: ids.count)
        var consumerKey: [Int: String] = [:]
        for function in service.functions {
            let drains = function.events.compactMap { event -> SQS? in
                if case .sqs(let sqs) = event { return sqs }
                return nil
            }
            guard !drains.isEmpty, let lambda = index[Naming.lambdaLogicalID(function.key)] else { continue }
            consumerKey[lambda] = function.key
            var seeds = [Naming.logGroupLogicalID(function.key)]
            if case .perFunction = service.provider.roles { seeds.append(Naming.functionRoleLogicalID(function.key)) }
            for sqs in drains {
                if let queueName = Naming.sqsQueueName(fromARN: sqs.arn) {
                    seeds.append(Naming.sqsEventSourceMappingLogicalID(function.key, queueName: queueName))
                }
                seeds += sqs.arn.referencedLogicalIDs
            }
            owned[lambda] = true
            for seed in seeds {
                guard let member = index[seed] else { continue }
                owned[member] = true
                sets.union(lambda, member)
            }
        }

        // Attach per-consumer resources until nothing changes. Each pass is linear in the
        // graph; a pass only adds, and chains are short (queue → subscription → its DLQ →
        // that DLQ's policy), so few passes run.
        let attachable = definitions.map { definition -> Bool in
            guard let map = definition.mapValue, map["Condition"] == nil,
                  let type = map["Type"]?.stringValue else { return false }
            return Self.consumerTypes.contains(type)
        }
        var changed = true
        while changed {
            changed = false
            for position in ids.indices where !owned[position] && attachable[position] {
                switch Self.soleGroup(of: references[position], owned: owned, sets: &sets) {
                case .one(let group):
                    sets.union(position, group)
                    owned[position] = true
                    changed = true
                    continue
                case .several:
                    continue
                case .none:
                    break
                }
                if case .one(let group) = Self.soleGroup(of: referrers[position], owned: owned, sets: &sets) {
                    sets.union(position, group)
                    owned[position] = true
                    changed = true
                }
            }
        }
        // Groups that refer to each other travel together.
        for position in ids.indices where owned[position] {
            for target in references[position] where owned[target] { sets.union(position, target) }
        }

        var groupOfRoot: [Int: Int] = [:]
        for position in ids.indices where owned[position] {
            let root = sets.find(position)
            let group: Int
            if let existing = groupOfRoot[root] {
                group = existing
            } else {
                group = groups.count
                groupOfRoot[root] = group
                groups.append(Group(members: [], key: "", consumers: [], stack: 0))
            }
            groups[group].members.append(ids[position])
            groupOf[ids[position]] = group
            if let key = consumerKey[position] {
                groups[group].consumers.append(key)
                if groups[group].key.isEmpty || ids[position] < groups[group].key { groups[group].key = ids[position] }
            }
        }
        for group in groups.indices {
            groups[group].stack = Self.stack(forKey: groups[group].key, count: stackCount)
        }
    }

    /// The nested stack a group with `key` goes to: FNV-1a of the key, modulo `count`.
    static func stack(forKey key: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        let hash = UInt64(ContentHash.hex(of: .string(key)), radix: 16) ?? 0
        return Int(hash % UInt64(count))
    }

    /// What a resource definition depends on: its references and its `DependsOn`.
    static func dependencies(of definition: Value) -> [String] {
        var ids = definition.referencedLogicalIDs
        if let dependsOn = definition.mapValue?["DependsOn"] {
            ids += dependsOn.listValue.compactMap(\.stringValue)
        }
        return ids
    }

    private enum Sole { case none, one(Int), several }

    /// The one group the owned resources among `positions` lie in, if there is exactly one.
    private static func soleGroup(of positions: [Int], owned: [Bool], sets: inout DisjointSets) -> Sole {
        var found: Int?
        for position in positions where owned[position] {
            let root = sets.find(position)
            if let found, found != root { return .several }
            found = root
        }
        return found.map(Sole.one) ?? .none
    }
}
