/// FAN002: logical IDs are `[A-Za-z0-9]+` and at most 255 characters; function keys, from
/// which logical IDs are derived, are `[A-Za-z0-9_-]+`.
public struct InvalidLogicalIDRule: Rule {
    public let code = "FAN002"
    public let summary = "Logical IDs are alphanumeric and at most 255 characters"
    public init() {}
    public var readsTarget: Bool { false }

    public static let maximumLength = 255

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for resource in context.service.resources {
            let id = resource.logicalID
            if id.isEmpty || !id.isASCIIAlphanumeric() {
                found.append(diagnostic(
                    .error, "logical ID '\(id)' may contain only the letters A–Z, a–z and digits",
                    path: context.path(resource), at: resource.location))
            } else if id.utf8.count > Self.maximumLength {  // one byte per character here: all ASCII
                found.append(diagnostic(
                    .error, "logical ID '\(id.prefix(40))…' is \(id.count) characters; the limit is \(Self.maximumLength)",
                    path: context.path(resource), at: resource.location))
            }
        }
        for output in context.service.outputs where output.name.isEmpty || !output.name.isASCIIAlphanumeric() {
            found.append(diagnostic(
                .error, "output name '\(output.name)' may contain only the letters A–Z, a–z and digits",
                path: "Outputs.\(output.name)", at: output.location))
        }
        for function in context.service.functions
        where !AWSName.hasAllowedCharacters(function.key) {
            found.append(diagnostic(
                .error, "function key '\(function.key)' may contain only letters, digits, '-' and '_'",
                path: context.path(function), at: function.location))
        }
        return found
    }
}
