import OrderedCollections

/// Collects one nested stack while ``StackSplitter`` writes the split: its resources, the
/// parameters through which it receives the root's values, and the outputs through which the
/// root reads its resources. Names are given on first use, so they follow template order.
final class NestedStackBuilder {
    let logicalID: String
    /// The logical IDs of the resources it holds.
    let members: Set<String>
    var resources: OrderedDictionary<String, Value> = [:]
    var consumers: [String] = []
    /// Parameter name → its definition in the nested template.
    private(set) var parameters: OrderedDictionary<String, Value> = [:]
    /// Parameter name → the value the root passes.
    private(set) var parameterValues: OrderedDictionary<String, Value> = [:]
    private var parameterForValue: [Value: String] = [:]
    /// Output name → the local reference it exposes.
    private(set) var outputs: OrderedDictionary<String, Value> = [:]
    private var outputForValue: [Value: String] = [:]
    /// Root resources its resources wait for (`DependsOn`), moved onto the stack resource.
    var dependsOn: OrderedSet<String> = []

    init(logicalID: String, members: Set<String>) {
        self.logicalID = logicalID
        self.members = members
    }

    /// The parameter that carries `value` (a reference into the root) into this stack,
    /// declared as `definition` the first time.
    func parameter(carrying value: Value, named name: String, definition: Value) -> String {
        if let existing = parameterForValue[value] { return existing }
        var candidate = name
        while parameters[candidate] != nil || members.contains(candidate) { candidate += "Value" }
        parameters[candidate] = definition
        parameterValues[candidate] = value
        parameterForValue[value] = candidate
        return candidate
    }

    /// The output that exposes `reference` (a `Ref` or `GetAtt` of one of its resources).
    func output(exposing reference: Value, named name: String) -> String {
        if let existing = outputForValue[reference] { return existing }
        var candidate = name
        while outputs[candidate] != nil { candidate += "Value" }
        outputs[candidate] = ["Value": reference]
        outputForValue[reference] = candidate
        return candidate
    }
}
