import Fanout
import FanoutExamples
import Testing

/// The pipeline's entries: one-call API, emit and lint, and what stops each.
@Suite struct PipelineTests {
    let twoUnresolvable = Service("svc", runtime: .nodejs24x) {
        Queue("Q", name: "${env:QUEUE_NAME}")
        Topic("T", name: "${ssm:/topic-name}")
    }

    @Test func oneCallAPIValidatesAndCarriesEveryDiagnostic() {
        #expect {
            try twoUnresolvable.cloudFormation(.yaml)
        } throws: { error in
            guard let failure = error as? ValidationFailure else { return false }
            return failure.errors.map(\.code) == ["FAN006", "FAN006"]
                && failure.description.contains("${env:QUEUE_NAME}") && failure.description.contains("${ssm:/topic-name}")
                && failure.description.hasSuffix("2 errors: nothing was emitted")
        }
    }

    @Test func namedOptOutRendersRegardless() throws {
        let yaml = try twoUnresolvable.cloudFormation(.yaml, checks: .skipped)
        #expect(yaml.contains("QueueName: ${env:QUEUE_NAME}"))
        // serverless.yml keeps variables for the Serverless Framework: nothing to refuse there.
        #expect(try twoUnresolvable.serverlessYAML().contains("${env:QUEUE_NAME}"))
    }

    /// An unresolvable variable stays a variable in the compiled template, so FAN420 does not
    /// judge `${self:custom.action}` against the property's pattern: serverless.yml is emitted
    /// (the Serverless Framework resolves it), raw CloudFormation stops at FAN006 alone.
    @Test func anUnresolvableVariableIsNoLiteralToJudge() throws {
        let service = Service("svc", runtime: .nodejs24x) {
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: [
                "FunctionName": "my-function", "Action": "${self:custom.action}", "Principal": "sns.amazonaws.com",
            ])
        }
        let emission = try Pipeline().emit(service, as: .serverless)
        #expect(emission.text.contains("Action: ${self:custom.action}"))
        #expect(emission.diagnostics.map(\.code) == [])
        #expect {
            try Pipeline().emit(service, as: .cloudFormation(.yaml))
        } throws: { error in
            (error as? ValidationFailure)?.diagnostics.map(\.code) == ["FAN006"]
        }
        // The twin: a literal that misses the pattern is FAN420's, for both outputs.
        let literal = Service("svc", runtime: .nodejs24x) {
            CustomResource("Invoke", type: "AWS::Lambda::Permission", properties: [
                "FunctionName": "my-function", "Action": "invoke", "Principal": "sns.amazonaws.com",
            ])
        }
        #expect {
            try Pipeline().emit(literal, as: .serverless)
        } throws: { error in
            (error as? ValidationFailure)?.diagnostics.map(\.code) == ["FAN420"]
        }
    }

    /// The size finding emit measures on the written text takes its place among the others,
    /// ordered by location as validation orders them (the service's line comes first).
    @Test func emitOrdersTheSizeFindingWithTheOthers() throws {
        let service = Service("svc", runtime: .nodejs24x) {
            CustomResource("Big", type: "Custom::Big", properties: ["Data": .string(String(repeating: "x", count: 60_000))])
            Function("f", handler: "f.handler") { Environment("REGION", "${AWS::Region}") }
        }
        let emission = try Pipeline().emit(service, as: .cloudFormation(.yaml))
        #expect(emission.diagnostics.decided.map(\.code) == ["FAN404", "FAN024"])
        // The twin: a small template, only the literal's warning.
        let small = Service("svc", runtime: .nodejs24x) {
            Function("f", handler: "f.handler") { Environment("REGION", "${AWS::Region}") }
        }
        #expect(try Pipeline().emit(small, as: .cloudFormation(.yaml)).diagnostics.decided.map(\.code) == ["FAN024"])
    }

    @Test func anErrorStopsEmitBeforeRendering() {
        let duplicate = Service("svc", runtime: .nodejs24x) {
            Queue("Q")
            Queue("Q")
        }
        #expect(throws: ValidationFailure.self) { try duplicate.serverlessYAML() }
        #expect(throws: ValidationFailure.self) { try Pipeline().emit(duplicate, as: .cloudFormation(.json)) }
    }

    @Test func lifecycleFindingsWarnOnEmitAndFailLint() throws {
        let blocked = Day(year: 2027, month: 3, day: 1)
        let pipeline = Pipeline(date: blocked)
        let emission = try pipeline.emit(Examples.tutorial, as: .serverless)
        #expect(emission.text == (try Examples.tutorial.serverlessYAML()))
        #expect(emission.diagnostics.filter { $0.code == "FAN502" }.map(\.severity) == [.warning])
        #expect(pipeline.lint(Examples.tutorial).filter { $0.code == "FAN502" }.map(\.severity) == [.error])
        // Without a day the library judges no lifecycle: it never reads the clock.
        #expect(!Pipeline().lint(Examples.tutorial).contains { ["FAN501", "FAN502"].contains($0.code) })
    }

    @Test func emitReturnsTheWarningsItDidNotStopFor() throws {
        let emission = try Pipeline(date: Day(year: 2026, month: 11, day: 26)).emit(Examples.tutorial, as: .serverless)
        #expect(!emission.diagnostics.isEmpty)
        #expect(emission.diagnostics.allSatisfy { $0.severity != .error })
        #expect(emission.diagnostics.map(\.code) == Validator().validate(Examples.tutorial, on: Day(year: 2026, month: 11, day: 26), target: .serverless).map(\.code))
    }

    /// Emitting several outputs at once validates once, running only the rules that read the
    /// target per output: each result must be what emitting that output alone gives, whichever
    /// output comes first. The services include findings that differ by target (FAN006 from the
    /// compilation, FAN304 on a shared role's own statements, which serverless.yml does not
    /// have) and one output that fails while the others emit.
    @Test func severalOutputsEmitAsEachAlone() {
        let sharedRole = Service("svc", runtime: .nodejs24x, roles: .shared) {
            let topic = Topic("Events", name: "events")
            topic
            Function("publisher", handler: "p.handler") { Statement(actions: ["sns:Publish"], resources: [topic.arn]) }
            Function("other", handler: "o.handler")
        }
        let services = Examples.all.map(\.service) + [twoUnresolvable, sharedRole]
        let outputs: [Pipeline.Output] = [.serverless, .cloudFormation(.yaml), .cloudFormation(.json)]
        let pipeline = Pipeline(date: Day(year: 2026, month: 11, day: 26))
        for service in services {
            let alone = outputs.map { output in Result { () throws(ValidationFailure) in try pipeline.emit(service, as: output) } }
            for order in [outputs, outputs.reversed()] {
                let together = pipeline.emit(service, as: order)
                #expect(together.count == order.count)
                for (output, result) in zip(order, together) {
                    let index = outputs.firstIndex(of: output) ?? 0
                    let what: Comment = "\(service.name) as \(output), emitted after \(order[0])"
                    #expect(result.map(\.diagnostics) == alone[index].map(\.diagnostics), what)
                    #expect(result.map(\.text) == alone[index].map(\.text), what)
                }
            }
        }
        // The findings that read the target did differ.
        let codes = outputs.map { output in
            (try? pipeline.emit(sharedRole, as: output).diagnostics.map(\.code)) ?? []
        }
        #expect(!codes[0].contains("FAN304") && codes[1].contains("FAN304") && codes[2].contains("FAN304"))
        #expect((try? pipeline.emit(twoUnresolvable, as: .serverless)) != nil)
        #expect((try? pipeline.emit(twoUnresolvable, as: .cloudFormation(.yaml))) == nil)
    }

    /// A rule of the user's own that says nothing about the target runs once per output, so
    /// emitting several outputs at once still gives each what emitting it alone gives.
    @Test func aRuleThatSaysNothingRunsPerOutput() throws {
        struct ServerlessOnly: Rule {
            let code = "X001"
            let summary = "Reports only for serverless.yml"
            func check(_ context: ValidationContext) -> [Diagnostic] {
                context.target == .serverless ? [Diagnostic(code, .warning, "serverless.yml only", path: "", at: nil)] : []
            }
        }
        #expect(ServerlessOnly().readsTarget)
        let pipeline = Pipeline(validator: Validator(rules: [ServerlessOnly()]))
        for order in [[Pipeline.Output.serverless, .cloudFormation(.yaml)], [.cloudFormation(.yaml), .serverless]] {
            let results = pipeline.emit(twoUnresolvable, as: order)
            for (output, result) in zip(order, results) {
                #expect(try result.get().diagnostics.map(\.code) == (output == .serverless ? ["X001"] : []), "\(output) after \(order[0])")
            }
        }
    }

    /// Validating for several targets at once gives, for each, what validating for it alone gives.
    @Test func validatingForSeveralTargetsIsValidatingForEach() {
        let targets: [ValidationTarget] = [.serverless, .cloudFormation(nil), .cloudFormation(.yaml), .cloudFormation(.json)]
        let pipeline = Pipeline(date: Day(year: 2026, month: 11, day: 26))
        for service in Examples.all.map(\.service) + [twoUnresolvable] {
            let bound = pipeline.bind(service)
            let translation = pipeline.translate(bound)
            let together = pipeline.validate(bound, translation, for: targets)
            #expect(together == targets.map { pipeline.validate(bound, translation, for: $0) }, "\(service.name)")
            #expect(pipeline.validate(bound, translation, for: targets.reversed()) == together.reversed(), "\(service.name)")
        }
    }

    /// Without outputs there is nothing to emit, and nothing is validated.
    @Test func noOutputsEmitNothing() {
        #expect(Pipeline().emit(twoUnresolvable, as: []).isEmpty)
    }
}
