import OrderedCollections

/// Splits a compiled template into a root template and nested stacks
/// (`AWS::CloudFormation::Stack` with a local `TemplateURL` that `aws cloudformation package`
/// uploads), for services past CloudFormation's 500 resources or 1,000,000 bytes.
///
/// Each consumer's resources stay together in one nested stack and the shared ones (topic,
/// API, publisher, keys, a shared role) stay in the root; see ``StackPartition`` for the
/// grouping and why a consumer never moves when others are added or removed. A nested
/// template receives the root's values through parameters (`TopicArn: !GetAtt Topic.Arn` in
/// the root's `Parameters` of the stack) and the root reads nested resources through outputs
/// (`!GetAtt ConsumerStack07.Outputs.BillingQueueArn`). Nested stacks never refer to each
/// other; a reference cycle through the root (a shared role that lists every consumer's queue)
/// is reported (FAN702) instead of written.
public struct StackSplitter: Sendable {
    /// FAN701: a template of the split is over one of CloudFormation's limits.
    public static let limitCode = "FAN701"
    /// FAN702: the split would make the root and a nested stack wait for each other.
    public static let cycleCode = "FAN702"
    /// FAN703: a nested stack close to the 500-resource limit.
    public static let nearLimitCode = "FAN703"
    /// FAN705: more resources in all than one operation on nested stacks may create.
    public static let operationCode = "FAN705"
    /// FAN704: a stack count outside 1…``SplitOptions/maximumStackCount``.
    public static let stackCountCode = "FAN704"

    /// The prefix of the nested stacks' logical IDs and file names.
    public static let stackPrefix = "ConsumerStack"

    public var options: SplitOptions

    public init(options: SplitOptions = SplitOptions()) {
        self.options = options
    }

    /// The logical ID of nested stack `number` (`ConsumerStack07` when there are 10 to 100).
    public func stackLogicalID(_ number: Int) -> String {
        let width = String(max(options.stackCount - 1, 0)).count
        let digits = String(number)
        return Self.stackPrefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Splits `template`, compiled from `service`. A template with no consumer comes back as
    /// the root alone.
    public func split(_ service: Service, _ template: Value) -> SplitTemplates {
        guard var document = template.mapValue, let resources = document["Resources"]?.mapValue else {
            return SplitTemplates(root: template, nested: [], diagnostics: [])
        }
        let parameters = document["Parameters"]?.mapValue ?? [:]
        let partition = StackPartition(service: service, resources: resources, stackCount: options.stackCount)
        var stackOf: [String: Int] = [:]
        var membersOf: [Int: Set<String>] = [:]
        for group in partition.groups {
            for member in group.members {
                stackOf[member] = group.stack
                membersOf[group.stack, default: []].insert(member)
            }
        }
        guard !stackOf.isEmpty else { return SplitTemplates(root: template, nested: [], diagnostics: []) }
        let builders = Dictionary(uniqueKeysWithValues: membersOf.map { number, members in
            (number, NestedStackBuilder(logicalID: stackLogicalID(number), members: members))
        })
        for group in partition.groups { builders[group.stack]?.consumers += group.consumers }

        // The nested resources, with what they take from the root turned into parameters.
        for (id, definition) in resources {
            guard let number = stackOf[id], let builder = builders[number] else { continue }
            let rewriter = ReferenceRewriter { target, attribute in
                Self.parameterReplacement(target, attribute, in: builder, stackOf: stackOf,
                                          resources: resources, parameters: parameters)
            }
            var rewritten = rewriter.rewrite(definition)
            if case .map(var map) = rewritten, let dependsOn = map["DependsOn"] {
                var local: [Value] = []
                for item in dependsOn.listValue {
                    guard let name = item.stringValue, resources[name] != nil, stackOf[name] != number else {
                        local.append(item)
                        continue
                    }
                    builder.dependsOn.append(name)
                }
                map["DependsOn"] = local.isEmpty ? nil : .list(local)
                rewritten = .map(map)
            }
            builder.resources[id] = rewritten
        }

        // The root: what it reads from nested stacks goes through their outputs.
        let rootRewriter = ReferenceRewriter { target, attribute in
            guard let number = stackOf[target], let builder = builders[number] else { return nil }
            let reference: Value = attribute.map { .getAtt(target, $0) } ?? .ref(target)
            let output = builder.output(
                exposing: reference, named: ReferenceRewriter.alphanumeric(target + (attribute ?? "")))
            return .getAtt(builder.logicalID, "Outputs.\(output)")
        }
        var rootResources: OrderedDictionary<String, Value> = [:]
        for (id, definition) in resources where stackOf[id] == nil {
            var rewritten = rootRewriter.rewrite(definition)
            if case .map(var map) = rewritten, let dependsOn = map["DependsOn"] {
                var names: OrderedSet<String> = []
                var others: [Value] = []
                for item in dependsOn.listValue {
                    guard let name = item.stringValue else { others.append(item); continue }
                    names.append(stackOf[name].flatMap { builders[$0]?.logicalID } ?? name)
                }
                map["DependsOn"] = .list(names.map(Value.string) + others)
                rewritten = .map(map)
            }
            rootResources[id] = rewritten
        }
        if let outputs = document["Outputs"] { document["Outputs"] = rootRewriter.rewrite(outputs) }

        let description = document["Description"]?.stringValue ?? "Fanout"
        var nested: [NestedTemplate] = []
        for number in builders.keys.sorted() {
            guard let builder = builders[number] else { continue }
            let path = "\(SplitOptions.nestedFolder)/\(builder.logicalID).\(options.format.rawValue)"
            var properties: OrderedDictionary<String, Value> = ["TemplateURL": .string(path)]
            if !builder.parameterValues.isEmpty { properties["Parameters"] = .map(builder.parameterValues) }
            var stack: OrderedDictionary<String, Value> = ["Type": "AWS::CloudFormation::Stack"]
            if !builder.dependsOn.isEmpty { stack["DependsOn"] = .list(builder.dependsOn.map(Value.string)) }
            stack["Properties"] = .map(properties)
            rootResources[builder.logicalID] = .map(stack)

            var template: OrderedDictionary<String, Value> = [
                "AWSTemplateFormatVersion": "2010-09-09",
                "Description": .string("\(description): nested stack \(builder.logicalID)"),
            ]
            if !builder.parameters.isEmpty { template["Parameters"] = .map(builder.parameters) }
            template["Resources"] = .map(builder.resources)
            if !builder.outputs.isEmpty { template["Outputs"] = .map(builder.outputs) }
            nested.append(NestedTemplate(
                logicalID: builder.logicalID, path: path, consumers: builder.consumers, template: .map(template)))
        }
        document["Resources"] = .map(rootResources)
        return SplitTemplates(
            root: .map(document), nested: nested,
            diagnostics: Self.cycleDiagnostics(rootResources, service: service))
    }

    /// What stands for `Ref target` / `GetAtt target.attribute` inside a nested stack: the
    /// stack's own resources and most pseudo parameters stay; the root's resources and
    /// parameters, and the root's stack name and ID, come in as parameters.
    private static func parameterReplacement(
        _ target: String, _ attribute: String?, in builder: NestedStackBuilder, stackOf: [String: Int],
        resources: OrderedDictionary<String, Value>, parameters: OrderedDictionary<String, Value>
    ) -> Value? {
        let text: Value = ["Type": "String"]
        if builder.members.contains(target) { return nil }
        if attribute == nil, target == PseudoParameter.stackName.rawValue || target == PseudoParameter.stackID.rawValue {
            let name = target == PseudoParameter.stackName.rawValue ? "RootStackName" : "RootStackId"
            return .ref(builder.parameter(carrying: .ref(target), named: name, definition: text))
        }
        if target.hasPrefix("AWS::") { return nil }
        if attribute == nil, var definition = parameters[target]?.mapValue {
            definition["Default"] = nil
            return .ref(builder.parameter(carrying: .ref(target), named: target, definition: .map(definition)))
        }
        guard resources[target] != nil, stackOf[target] == nil else { return nil }
        let value: Value = attribute.map { .getAtt(target, $0) } ?? .ref(target)
        return .ref(builder.parameter(
            carrying: value, named: ReferenceRewriter.alphanumeric(target + (attribute ?? "")), definition: text))
    }

    /// FAN702 when the root's resources, nested stacks included, wait for each other in a
    /// circle (Kahn's algorithm: linear in the root's references).
    static func cycleDiagnostics(_ resources: OrderedDictionary<String, Value>, service: Service) -> [Diagnostic] {
        let ids = Array(resources.keys)
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() { index[id] = position }
        var waitingOn = [Int](repeating: 0, count: ids.count)
        var dependents = [[Int]](repeating: [], count: ids.count)
        for (position, definition) in resources.values.enumerated() {
            for target in Set(StackPartition.dependencies(of: definition).compactMap({ index[$0] })) where target != position {
                waitingOn[position] += 1
                dependents[target].append(position)
            }
        }
        var ready = ids.indices.filter { waitingOn[$0] == 0 }
        var done = 0
        while let next = ready.popLast() {
            done += 1
            for dependent in dependents[next] {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { ready.append(dependent) }
            }
        }
        guard done < ids.count else { return [] }
        let stuck = ids.indices.filter { waitingOn[$0] > 0 }.map { ids[$0] }
        let stacks = stuck.filter { $0.hasPrefix(Self.stackPrefix) }
        let shared = stuck.filter { !$0.hasPrefix(Self.stackPrefix) }
        var advice = "keep root resources from referring to a consumer's resources that refer back to them"
        if shared.contains(Naming.roleLogicalID) {
            advice = "the shared role \(Naming.roleLogicalID) lists every consumer's queue while each consumer runs with it: give each function its own role (Service(…, roles: .perFunction)) so it travels with its consumer"
        }
        return [Diagnostic(
            cycleCode, .error,
            "splitting makes the root and its nested stacks wait for each other (\(Self.sample(shared)) in the root; \(Self.sample(stacks))); \(advice)",
            path: "Resources", at: service.location)]
    }

    /// At most five names, then how many more.
    static func sample(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}
