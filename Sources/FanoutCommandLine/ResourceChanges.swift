import Fanout
import YAML

/// How the resources of a template change from the file on disk to what is generated:
/// added, removed, modified in place, or replaced (CloudFormation creates a new physical
/// resource and deletes the old one).
///
/// A resource is replaced when its type changes or a property its schema lists as
/// create-only changes (`AWSConstraints`, from the resource provider schemas). A new logical
/// ID is a new resource: the old one is removed. Removing or replacing a queue or a topic
/// loses the messages in it, unless its `DeletionPolicy` (`UpdateReplacePolicy` for a
/// replacement) is `Retain`.
struct ResourceChanges {
    /// What happens to one resource.
    enum Kind: String {
        case replaced, removed, added
        case modified = "modified in place"
    }

    /// One resource that changes.
    struct Change: Equatable {
        var kind: Kind
        var logicalID: String
        var type: String
        /// What changed: the properties (or `Type`, `DependsOn`…) that differ; for a
        /// replacement, the create-only ones.
        var causes: [String]
        /// Set when the change loses messages: what is lost and why.
        var dataLoss: String?
    }

    /// The changes, replacements first, then removals, additions and in-place modifications,
    /// each in template order.
    let changes: [Change]

    /// Each logical ID's resource, the first where an ID repeats.
    private static func index(_ resources: Node.Mapping) -> [String: Node] {
        var byID: [String: Node] = [:]
        for pair in resources.pairs {
            if let id = pair.key.scalarValue, byID[id] == nil { byID[id] = pair.value }
        }
        return byID
    }

    /// The changes between the `Resources` mappings of two templates.
    init(old: Node.Mapping, new: Node.Mapping) {
        let oldIDs = old.pairs.compactMap(\.key.scalarValue)
        let newIDs = new.pairs.compactMap(\.key.scalarValue)
        let oldSet = Set(oldIDs), newSet = Set(newIDs)
        // A mapping's subscript searches its pairs; index each side once (the first of a
        // repeated ID, as the subscript finds it) so large templates compare in linear time.
        let oldByID = Self.index(old), newByID = Self.index(new)
        let deadLetterQueues = Self.deadLetterQueues(in: old)
        var replaced: [Change] = [], removed: [Change] = [], added: [Change] = [], modified: [Change] = []
        for id in oldIDs where !newSet.contains(id) {
            let resource = oldByID[id] ?? .mapping(Node.Mapping())
            let type = Self.type(of: resource)
            removed.append(Change(
                kind: .removed, logicalID: id, type: type, causes: [],
                dataLoss: Self.dataLoss(of: id, type: type, deadLetter: deadLetterQueues.contains(id),
                                        policy: resource["DeletionPolicy"]?.scalarValue, cause: "is removed")))
        }
        for id in newIDs where !oldSet.contains(id) {
            added.append(Change(kind: .added, logicalID: id, type: Self.type(of: newByID[id] ?? .mapping(Node.Mapping())), causes: [], dataLoss: nil))
        }
        for id in newIDs where oldSet.contains(id) {
            guard let before = oldByID[id], let after = newByID[id], before != after else { continue }
            let oldType = Self.type(of: before), newType = Self.type(of: after)
            var replacing: [String] = []
            if oldType != newType {
                replacing = ["Type"]
            } else {
                let createOnly = AWSConstraints.resources[newType]?.createOnly ?? []
                replacing = createOnly.filter { path in
                    Self.node(at: path, in: before["Properties"]) != Self.node(at: path, in: after["Properties"])
                }
            }
            if replacing.isEmpty {
                modified.append(Change(kind: .modified, logicalID: id, type: newType, causes: Self.differences(before, after), dataLoss: nil))
            } else {
                let because = replacing == ["Type"]
                    ? "is replaced because its type changes from \(oldType)"
                    : "is replaced because \(replacing.joined(separator: ", ")) cannot change in place"
                replaced.append(Change(
                    kind: .replaced, logicalID: id, type: newType, causes: replacing,
                    dataLoss: Self.dataLoss(of: id, type: oldType, deadLetter: deadLetterQueues.contains(id),
                                            policy: before["UpdateReplacePolicy"]?.scalarValue, cause: because)))
            }
        }
        changes = replaced + removed + added + modified
    }

    /// The resources of a template (`Resources`) or of a serverless.yml's `resources:` section.
    static func resources(of document: Node, format: Pipeline.Output) -> Node.Mapping? {
        let section = format == .serverless ? document["resources"]?["Resources"] : document["Resources"]
        if case .mapping(let mapping)? = section { return mapping }
        return nil
    }

    /// Counts, as one line: `1 replaced, 0 removed, 1 added, 2 modified in place`.
    var counts: String {
        [Kind.replaced, .removed, .added, .modified]
            .map { kind in "\(changes.filter { $0.kind == kind }.count) \(kind.rawValue)" }
            .joined(separator: ", ")
    }

    private static func type(of resource: Node) -> String {
        resource["Type"]?.scalarValue ?? "no type"
    }

    /// The node at a dotted property path (`Code.S3Bucket`) under `properties`.
    private static func node(at path: String, in properties: Node?) -> Node? {
        var node = properties
        for part in path.split(separator: ".") {
            node = node?[String(part)]
        }
        return node
    }

    /// The keys that differ: `Properties` by property, everything else (`DependsOn`…) by key.
    private static func differences(_ before: Node, _ after: Node) -> [String] {
        var keys: [String] = []
        for key in orderedKeys(before, after) where before[key] != after[key] {
            if key == "Properties" {
                let properties = orderedKeys(before[key] ?? .mapping(Node.Mapping()), after[key] ?? .mapping(Node.Mapping()))
                keys += properties.filter { before[key]?[$0] != after[key]?[$0] }
            } else {
                keys.append(key)
            }
        }
        return keys
    }

    /// The string keys of two mappings: the second's order, then keys only the first has.
    private static func orderedKeys(_ first: Node, _ second: Node) -> [String] {
        func keys(_ node: Node) -> [String] {
            if case .mapping(let mapping) = node { return mapping.pairs.compactMap(\.key.scalarValue) }
            return []
        }
        let later = keys(second)
        return later + keys(first).filter { !later.contains($0) }
    }

    /// The queues another queue's `RedrivePolicy` names as its dead-letter queue.
    private static func deadLetterQueues(in resources: Node.Mapping) -> Set<String> {
        var found: Set<String> = []
        for pair in resources.pairs {
            guard let target = pair.value["Properties"]?["RedrivePolicy"]?["deadLetterTargetArn"] else { continue }
            switch target {
            case .scalar(let scalar) where scalar.tag?.name == "!GetAtt":
                found.insert(String(scalar.value.split(separator: ".").first ?? ""))
            case .sequence(let sequence) where sequence.tag?.name == "!GetAtt":
                if let id = sequence.items.first?.scalarValue { found.insert(id) }
            case .mapping(let mapping):
                if case .sequence(let arguments)? = mapping["Fn::GetAtt"], let id = arguments.items.first?.scalarValue {
                    found.insert(id)
                } else if let text = mapping["Fn::GetAtt"]?.scalarValue {
                    found.insert(String(text.split(separator: ".").first ?? ""))
                }
            default: break
            }
        }
        return found
    }

    /// The data-loss warning for removing or replacing a queue or topic; nil for other types
    /// or when the policy retains the old resource.
    private static func dataLoss(of id: String, type: String, deadLetter: Bool, policy: String?, cause: String) -> String? {
        let what: String
        switch type {
        case "AWS::SQS::Queue":
            what = deadLetter
                ? "dead-letter queue: CloudFormation deletes it with the failed messages kept in it"
                : "queue: CloudFormation deletes it with the messages waiting in it"
        case "AWS::SNS::Topic":
            what = "topic: CloudFormation deletes it, and what is published to it meanwhile is lost"
        default:
            return nil
        }
        guard policy != "Retain" && policy != "RetainExceptOnCreate" else { return nil }
        return "\(id) (\(type)) \(cause); it is a \(what)"
    }
}
