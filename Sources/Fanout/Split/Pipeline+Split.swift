extension Pipeline {
    /// `fanout emit cloudformation --split DIR`: `service` compiled into a root template and
    /// nested stacks (see ``StackSplitter``), rendered as `options.format`.
    ///
    /// Validation runs as for ``emit(_:as:checks:)``, except that the resource count and size
    /// of the whole template (FAN403, FAN404) give way to the same limits checked on every
    /// template written — resources, parameters, outputs and bytes per stack (FAN701, FAN703) —
    /// and to the split's own errors (FAN702, FAN704).
    ///
    /// - Throws: ``ValidationFailure`` with every diagnostic when there is an error.
    public func emitSplit(_ service: Service, options split: SplitOptions, checks: Checks = .enforced) throws(ValidationFailure) -> SplitEmission {
        guard (1...SplitOptions.maximumStackCount).contains(split.stackCount) else {
            throw ValidationFailure([Diagnostic(
                StackSplitter.stackCountCode, .error,
                "the stack count is \(split.stackCount); choose 1 to \(SplitOptions.maximumStackCount) (about one nested stack per 25 consumers you expect), once: changing it later moves consumers between stacks",
                path: "", at: service.location)])
        }
        let nesting = check(service)
        guard !nesting.contains(where: { $0.severity == .error }) else { throw ValidationFailure(Validator.ordered(nesting)) }
        let bound = bind(service)
        let translation = translate(bound)
        let output = Output.cloudFormation(split.format)
        let wholeTemplateLimits: Set<String> = [ResourceCountRule().code, TemplateSizeRule.code]
        var diagnostics: [Diagnostic] = []
        if checks == .enforced {
            let dated = Set(validator.rules.filter(\.judgesByDate).map(\.code))
            diagnostics = validate(bound, translation, for: output.validationTarget).compactMap { diagnostic in
                guard !wholeTemplateLimits.contains(diagnostic.code) else { return nil }
                var diagnostic = diagnostic
                if dated.contains(diagnostic.code), diagnostic.severity == .error { diagnostic.severity = .warning }
                return diagnostic
            }
            guard !diagnostics.contains(where: { $0.severity == .error }) else { throw ValidationFailure(diagnostics) }
        }
        let splitter = StackSplitter(options: split)
        let templates = splitter.split(bound, translation.template)
        if checks == .enforced {
            diagnostics += templates.diagnostics
            guard !diagnostics.contains(where: { $0.severity == .error }) else { throw ValidationFailure(diagnostics) }
        }
        var files: [SplitFile] = []
        do {
            files.append(SplitFile(path: split.rootFileName, text: try Self.render(templates.root, as: split.format)))
            for nested in templates.nested {
                files.append(SplitFile(path: nested.path, text: try Self.render(nested.template, as: split.format)))
            }
        } catch {
            throw ValidationFailure(diagnostics + [Diagnostic(
                NestingCheck.code, .error, "cannot render the service: \(error)", path: "", at: service.location)])
        }
        if checks == .enforced {
            let locations = Dictionary(bound.functions.map { ($0.key, $0.location) }, uniquingKeysWith: { first, _ in first })
            diagnostics += SplitLimits.diagnostics(
                template: templates.root, size: files[0].text.utf8.count, name: "the root template",
                remedy: "The root holds the shared resources and one stack per nested stack: declare fewer shared resources, or lower --stacks (this moves consumers: only before the first deploy)",
                at: bound.location)
            for (nested, file) in zip(templates.nested, files.dropFirst()) {
                let added = nested.consumers.last ?? ""
                diagnostics += SplitLimits.diagnostics(
                    template: nested.template, size: file.text.utf8.count,
                    name: "nested stack \(nested.logicalID) (consumers \(StackSplitter.sample(nested.consumers)))",
                    remedy: "A consumer's stack follows from its name alone, so no other consumer moves: give a consumer you are adding another name (such as '\(added)'), or raise --stacks from \(split.stackCount) (this moves consumers: only before the first deploy)",
                    at: locations[nested.consumers.first ?? ""] ?? bound.location)
            }
            diagnostics += SplitLimits.operationDiagnostics(
                templates: [templates.root] + templates.nested.map(\.template), at: bound.location)
            diagnostics = Validator.ordered(diagnostics)
            guard !diagnostics.contains(where: { $0.severity == .error }) else { throw ValidationFailure(diagnostics) }
        }
        return SplitEmission(files: files, diagnostics: diagnostics)
    }

    private static func render(_ template: Value, as format: TemplateFormat) throws -> String {
        switch format {
        case .yaml: try YAMLRenderer().render(template)
        case .json: try JSONRenderer().render(template)
        }
    }
}
