/// Fanout's pipeline, in one place. Every stage is a function of the previous stage's value,
/// runs once per emit, and the command line and the library go through the same entry:
///
/// ```
/// Service ──check──▶ Service ──bind──▶ Service ──translate──▶ Translation ──validate──▶ [Diagnostic] ──render──▶ Emission
///  (DSL)   values too deep   grants derived     template + what did     model and template:     once, only
///          to walk stop here from references    not compile             errors stop here        without errors
/// ```
///
/// ```swift
/// let emission = try Pipeline(date: Day("2026-11-26")).emit(service, as: .cloudFormation(.yaml))
/// print(emission.text)                       // emission.diagnostics: the warnings and notes
/// ```
public struct Pipeline: Sendable {
    /// What the pipeline renders.
    public enum Output: Hashable, Sendable {
        /// The Serverless Framework's `serverless.yml`.
        case serverless
        /// A raw CloudFormation template in this format.
        case cloudFormation(TemplateFormat)
    }

    /// Whether errors stop the emission.
    public enum Checks: Hashable, Sendable {
        /// Validate, and render only when there is no error (the default).
        case enforced
        /// Render without validating: for inspecting what a broken service compiles to.
        /// Only a service too deeply nested to render at all is still refused.
        case skipped
    }

    /// How raw CloudFormation is compiled (stage, region, code); also what validation checks.
    public var options: CloudFormationOptions
    /// The day runtime lifecycles are judged at; `nil` leaves them unjudged. The library
    /// never reads the clock.
    public var date: Day?
    /// The rules the validate stage runs (all of Fanout's by default).
    public var validator: Validator

    public init(
        options: CloudFormationOptions = CloudFormationOptions(), date: Day? = nil, validator: Validator = Validator()
    ) {
        self.options = options
        self.date = date
        self.validator = validator
    }

    // MARK: The stages

    /// Check: values nested too deep to walk (FAN007). Every later stage recurses through
    /// values, so nothing may look at a service this reports an error for.
    public func check(_ service: Service) -> [Diagnostic] {
        NestingCheck.diagnostics(for: service)
    }

    /// Bind: derives what references imply once the service is whole (key-policy grants).
    public func bind(_ service: Service) -> Service {
        Binder.bind(service)
    }

    /// Translate: the bound service compiled into raw CloudFormation, with every problem found.
    public func translate(_ service: Service) -> Translation {
        CloudFormationTranslator(options: options).translate(service)
    }

    /// Validate: every rule over the bound model and its compiled template.
    public func validate(_ service: Service, _ translation: Translation, for target: ValidationTarget) -> [Diagnostic] {
        validator.validate(ValidationContext(
            service: service, translation: translation, date: date, options: options, target: target))
    }

    /// Render: the text of `output`, from the compiled template or, for serverless.yml, from
    /// the service as the Serverless Framework reads it.
    public func render(_ service: Service, _ translation: Translation, as output: Output) throws -> String {
        switch output {
        case .serverless: try Self.renderServerless(service)
        case .cloudFormation(.yaml): try YAMLRenderer().render(translation.template)
        case .cloudFormation(.json): try JSONRenderer().render(translation.template)
        }
    }

    /// serverless.yml's text, from the service alone.
    private static func renderServerless(_ service: Service) throws -> String {
        try YAMLRenderer().render(ServerlessTranslator().translate(service))
    }

    // MARK: The entries

    /// `fanout lint`: the diagnostics of `service` for emitting `target`. Nothing is rendered;
    /// lifecycle findings keep their severity (an error for a runtime blocked on ``date``).
    public func lint(_ service: Service, for target: ValidationTarget = .cloudFormation(nil)) -> [Diagnostic] {
        let nesting = check(service)
        guard !nesting.contains(where: { $0.severity == .error }) else { return Validator.ordered(nesting) }
        let bound = bind(service)
        return validate(bound, translate(bound), for: target)
    }

    /// `fanout emit`: `service` rendered as `output`, with the warnings and notes found.
    ///
    /// Lifecycle findings are warnings here, never errors: the same description must emit the
    /// same way whatever the day. Any other error stops the pipeline before rendering.
    ///
    /// - Throws: ``ValidationFailure`` with every diagnostic when there is an error.
    public func emit(_ service: Service, as output: Output, checks: Checks = .enforced) throws(ValidationFailure) -> Emission {
        try emit(service, as: [output], checks: checks)[0].get()
    }

    /// `fanout check`: `service` rendered as each of `outputs`. Each result is what emitting
    /// that output alone gives — the same text and diagnostics, or the same failure — but the
    /// service is checked, bound, translated and validated once: only the rules that read the
    /// target (``Rule/readsTarget``) run per output. Every output renders on a thread of its
    /// own while validation runs.
    public func emit(_ service: Service, as outputs: [Output], checks: Checks = .enforced) -> [Result<Emission, ValidationFailure>] {
        // Even unchecked, a service too deep to walk cannot be compiled or rendered.
        let nesting = check(service)
        guard !nesting.contains(where: { $0.severity == .error }) else {
            return outputs.map { _ in .failure(ValidationFailure(Validator.ordered(nesting))) }
        }
        let bound = bind(service)
        // Rendering needs nothing validation finds: it runs while validation does, and its
        // text is dropped when validation stops the emission. serverless.yml needs no
        // template either, so it renders while the template is compiled.
        let early = outputs.map { output in
            output == .serverless ? BackgroundWork { Result { () throws -> String in try Self.renderServerless(bound) } } : nil
        }
        let translation = translate(bound)
        let renderings = zip(outputs, early).map { output, started in
            started ?? BackgroundWork { [self] in Result { () throws -> String in try render(bound, translation, as: output) } }
        }
        // Lifecycle findings warn here: the same description emits the same way whatever the day.
        let dated = Set(validator.rules.filter(\.judgesByDate).map(\.code))
        let validated = checks == .enforced ? validate(bound, translation, for: outputs.map(\.validationTarget)) : outputs.map { _ in [] }
        let diagnostics: [[Diagnostic]] = validated.map { found in
            found.map { diagnostic in
                var diagnostic = diagnostic
                if dated.contains(diagnostic.code), diagnostic.severity == .error { diagnostic.severity = .warning }
                return diagnostic
            }
        }
        return zip(outputs, zip(renderings, diagnostics)).map { output, rendering in
            finish(output, rendering.0.join(), diagnostics: rendering.1, checks: checks, at: bound.location)
        }
    }

    /// Validate for several targets at once: for each of `targets`, what validating for it
    /// alone gives, with the rules that do not read the target (``Rule/readsTarget``) run
    /// once for all of them (``Validator/validate(_:for:)``).
    public func validate(_ service: Service, _ translation: Translation, for targets: [ValidationTarget]) -> [[Diagnostic]] {
        guard let first = targets.first else { return [] }
        return validator.validate(
            ValidationContext(service: service, translation: translation, date: date, options: options, target: first),
            for: targets)
    }

    /// One output's emission from its rendering and what validation found for it.
    private func finish(
        _ output: Output, _ rendering: Result<String, any Error>, diagnostics: [Diagnostic], checks: Checks,
        at location: SourceLocation
    ) -> Result<Emission, ValidationFailure> {
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return .failure(ValidationFailure(diagnostics)) }
        let text: String
        switch rendering {
        case .success(let rendered): text = rendered
        case .failure(let error):
            return .failure(ValidationFailure(Validator.ordered(diagnostics + [Diagnostic(
                NestingCheck.code, .error, "cannot render the service: \(error)", path: "", at: location)])))
        }
        var diagnostics = diagnostics
        // The size CloudFormation counts is that of the text written, measured, not rendered again.
        if checks == .enforced, case .cloudFormation(let format) = output {
            // In the order validation gives, by location, wherever the size finding points.
            diagnostics = Validator.ordered(
                diagnostics + TemplateSizeRule.diagnostics(size: text.utf8.count, format: format, at: location))
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return .failure(ValidationFailure(diagnostics)) }
        }
        return .success(Emission(text: text, diagnostics: diagnostics))
    }
}

extension Pipeline.Output {
    /// What validation checks for this output.
    public var validationTarget: ValidationTarget {
        switch self {
        case .serverless: .serverless
        case .cloudFormation(let format): .cloudFormation(format)
        }
    }
}
