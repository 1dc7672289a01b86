// Times the pipeline on fan-outs of growing size: build the model, bind and compile it,
// validate it, render YAML and JSON, and the whole emit. Run it in release mode:
//
//     swift run -c release fanout-benchmark
//
// Target (see README): a fan-out at CloudFormation's resource ceiling (60 consumers, about
// 490 resources) validates and emits in under 100 ms on a 2-core machine.
import Fanout

#if canImport(Glibc)
import Glibc
#endif

func service(consumers: Int) -> Service {
    Service("bench", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
        let topic = Topic("Events", name: "\(Variable.service)-\(Variable.stage)-events")
        topic
        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/events")
            Publishes(to: topic)
        }
        FanOut(from: topic) {
            for index in 0..<consumers {
                Consumer("consumer\(index)", handler: "src/consumer.handler", batchSize: 10)
            }
        }
    }
}

/// The median of `runs` timings of `body`, in milliseconds.
func median(runs: Int = 15, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return samples.sorted()[runs / 2]
}

func format(_ milliseconds: Double) -> String {
    let rounded = (milliseconds * 10).rounded() / 10
    return String(rounded).padding(toLength: 8, withPad: " ", startingAt: 0)
}

let day = Day(year: 2026, month: 11, day: 26)
let pipeline = Pipeline(date: day)
print("consumers resources  build ms compile ms validate ms yaml ms  json ms  emit ms")
for consumers in [10, 30, 60] {
    var built = service(consumers: consumers)
    let build = median { built = service(consumers: consumers) }
    var bound = pipeline.bind(built)
    var translation = pipeline.translate(bound)
    // Bind and translate: the model compiled into the template.
    let compile = median {
        bound = pipeline.bind(built)
        translation = pipeline.translate(bound)
    }
    // Validation alone reads the model and the template; it compiles and renders nothing.
    let validate = median { _ = pipeline.validate(bound, translation, for: .cloudFormation(.yaml)) }
    let yaml = try median { _ = try YAMLRenderer().render(translation.template) }
    let json = try median { _ = try JSONRenderer().render(translation.template) }
    // The whole pipeline as `fanout emit cloudformation` runs it: bind, translate, validate, render.
    let emit = try median { _ = try pipeline.emit(built, as: .cloudFormation(.yaml)) }
    let resources = translation.template.mapValue?["Resources"]?.mapValue?.count ?? 0
    print(String(consumers).padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(resources).padding(toLength: 11, withPad: " ", startingAt: 0)
        + format(build) + "  " + format(compile) + "   " + format(validate) + "     " + format(yaml) + " "
        + format(json) + " " + format(emit))
}

// Where validation's time goes: each rule alone at the ceiling and at ten times it, so a rule
// that grows faster than the service shows (10× the consumers should cost about 10× the time).
print("\nrule      60 consumers ms  600 consumers ms  ratio")
let contexts = [60, 600].map { consumers in
    let bound = pipeline.bind(service(consumers: consumers))
    return ValidationContext(service: bound, translation: pipeline.translate(bound), date: day, target: .cloudFormation(.yaml))
}
let perRule = pipeline.validator.rules.map { rule in
    (rule.code, contexts.map { context in median(runs: 5) { _ = rule.check(context) } })
}
for (code, times) in perRule.sorted(by: { $0.1[1] > $1.1[1] }).prefix(12) {
    print(code.padding(toLength: 10, withPad: " ", startingAt: 0) + format(times[0]) + "         " + format(times[1])
        + "          " + String(Int((times[1] / max(times[0], 0.001)).rounded())) + "×")
}
