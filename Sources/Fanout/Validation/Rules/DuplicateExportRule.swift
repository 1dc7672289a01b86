import OrderedCollections

/// FAN023: two outputs exporting the same name, compared as CloudFormation compares them:
/// after variables are resolved, and including the `ServiceEndpoint` output (exported as
/// `sls-<service>-<stage>-ServiceEndpoint`) that the compilation adds for `http` events.
public struct DuplicateExportRule: Rule {
    public let code = "FAN023"
    public let summary = "Export names are unique in the stack"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var first: [Value: String] = [:]
        var found: [Diagnostic] = []
        for (output, name) in Self.exports(context) {
            guard let earlier = first[name] else {
                first[name] = output
                continue
            }
            let generated = output == "ServiceEndpoint" || earlier == "ServiceEndpoint"
            let fix = generated
                ? "the ServiceEndpoint output of the http events already exports it; choose another name"
                : "give one of them another exportName"
            found.append(diagnostic(
                .error, "outputs \(earlier) and \(output) both export '\(Self.describe(name))'; CloudFormation refuses a stack with a repeated export name; \(fix)",
                path: "Outputs.\(output).Export.Name", at: Self.location(of: output, earlier, in: context)))
        }
        return found
    }

    /// Each output's export name, from the compiled template when there is one (variables
    /// resolved there), otherwise from the model.
    static func exports(_ context: ValidationContext) -> [(output: String, name: Value)] {
        if let outputs = context.template.mapValue?["Outputs"]?.mapValue {
            return outputs.compactMap { output, definition in
                definition.mapValue?["Export"]?.mapValue?["Name"].map { (output, $0) }
            }
        }
        return context.service.outputs.compactMap { output in
            output.exportName.map { name in (output.name, context.resolve(name).map(Value.string) ?? name.value) }
        }
    }

    /// Where the later of two outputs was declared: the user's output, or for the generated
    /// `ServiceEndpoint` the first `http` event, or the service.
    private static func location(of output: String, _ earlier: String, in context: ValidationContext) -> SourceLocation {
        let declared = context.service.outputs.first { $0.name == output } ?? context.service.outputs.first { $0.name == earlier }
        if let declared { return declared.location }
        let http = context.service.functions.lazy.flatMap(\.events).compactMap { event -> HTTP? in
            if case .http(let http) = event { http } else { nil }
        }.first
        return http?.location ?? context.service.location
    }

    private static func describe(_ name: Value) -> String {
        switch name {
        case .string(let string): string
        case .text(let text): text.description
        default: "\(name)"
        }
    }
}
