// Times the pipeline on fan-outs of growing size: build the model, validate it, compile it,
// and render YAML and JSON. Run it in release mode:
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
print("consumers resources  build ms validate ms compile ms yaml ms  json ms  total ms")
for consumers in [10, 30, 60] {
    var built = service(consumers: consumers)
    let build = median { built = service(consumers: consumers) }
    let validate = median { _ = Validator().validate(built, on: day) }
    var template: Value = [:]
    let compile = try median { template = try CloudFormationTranslator().translate(built) }
    let yaml = try median { _ = try YAMLRenderer().render(template) }
    let json = try median { _ = try JSONRenderer().render(template) }
    let resources = template.mapValue?["Resources"]?.mapValue?.count ?? 0
    let total = build + validate + compile + yaml
    print(String(consumers).padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(resources).padding(toLength: 11, withPad: " ", startingAt: 0)
        + format(build) + "  " + format(validate) + "   " + format(compile) + "   " + format(yaml) + " "
        + format(json) + " " + format(total))
}
