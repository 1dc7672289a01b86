/// The runtimes a service uses and the element that chose each: the service for the
/// provider's runtime, a function for its own.
enum RuntimeUses {
    static func of(_ context: ValidationContext) -> [(runtime: Runtime, path: String, location: SourceLocation)] {
        var uses: [(Runtime, String, SourceLocation)] = []
        if context.service.functions.contains(where: { $0.runtime == nil }) {
            uses.append((context.service.provider.runtime, "provider.runtime", context.service.location))
        }
        for function in context.service.functions {
            if let runtime = function.runtime { uses.append((runtime, context.path(function) + ".runtime", function.location)) }
        }
        return uses
    }
}
