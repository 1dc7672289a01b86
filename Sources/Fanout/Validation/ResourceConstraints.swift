/// What AWS enforces on the properties of one resource type: a ``PropertyConstraint`` per
/// property path, and the properties AWS sets itself or that replace the resource when changed.
public struct ResourceConstraints: Sendable {
    /// The CloudFormation type, such as `AWS::SQS::Queue`.
    public let type: String
    /// The property paths whose change replaces the resource (a new physical resource).
    public let createOnly: [String]
    /// The property paths AWS sets; a template must not.
    public let readOnly: [String]
    /// The constraints by property path; `""` is `Properties` itself.
    public let properties: [String: PropertyConstraint]
    /// The property names a map path lists, by path.
    let children: [String: Set<String>]

    public init(type: String, createOnly: [String], readOnly: [String], properties: [PropertyConstraint]) {
        self.type = type
        self.createOnly = createOnly
        self.readOnly = readOnly
        self.properties = Dictionary(properties.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: Set<String>] = [:]
        for constraint in properties where !constraint.path.isEmpty {
            let (parent, name) = Self.split(constraint.path)
            if name != "*" && !name.hasSuffix("[]") { children[parent, default: []].insert(name) }
        }
        self.children = children
    }

    /// The constraint at `path`, if the schema describes it.
    public func constraint(at path: String) -> PropertyConstraint? {
        properties[path]
    }

    /// The property names the schema lists in the map at `path`.
    public func propertyNames(at path: String) -> Set<String> {
        children[path] ?? []
    }

    /// `A.B.C` → (`A.B`, `C`); `A` → (`""`, `A`); `A[]` has no parent name of its own.
    private static func split(_ path: String) -> (parent: String, name: String) {
        guard let dot = path.lastIndex(of: ".") else { return ("", path) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }
}
