import Fanout
import YAML

/// `fanout-fuzz deep`: the services and documents that used to overflow the stack, each
/// checked for the answer it must get now. Deep values are built and dropped here, in a
/// process of their own, rather than in the test suite's.
enum DeepValues {
    /// Runs every case; returns the failures (empty when all passed).
    static func run() -> [String] {
        var failures: [String] = []
        func expect(_ condition: Bool, _ what: String) {
            say((condition ? "ok " : "FAILED ") + what)
            if !condition { failures.append(what) }
        }

        for depth in [10_000, 20_000] {
            let list = nested(depth) { .list([$0]) }
            let map = nested(depth) { ["k": $0] }
            let intrinsic = nested(depth) { .function("Fn::Base64", $0) }

            let service = Service("deep", runtime: .nodejs24x) {
                CustomResource("Deep", type: "Custom::Deep", properties: ["Config": list])
                Function("worker", handler: "worker.handler") { Environment("DEEP", map) }
                Output("Deep", value: intrinsic)
            }
            let found = NestingCheck.diagnostics(for: service)
            expect(found.map(\.code) == ["FAN007", "FAN007", "FAN007"] && found.allSatisfy { $0.severity == .error },
                   "\(depth) levels: FAN007 for the property, the environment variable and the output")
            expect(found.map(\.path) == ["functions.worker.environment.DEEP", "Resources.Deep.Properties.Config", "Outputs.Deep.Value"],
                   "\(depth) levels: FAN007 names each value's path")
            expect(Set(Validator().validate(service, on: Day(year: 2026, month: 11, day: 26))) == Set(found),
                   "\(depth) levels: Validator reports FAN007 alone and stops")
            expect(list.nestingDepth == depth && intrinsic.nestingDepth == depth,
                   "\(depth) levels: nestingDepth measures \(depth)")

            for (name, value) in [("list", list), ("map", map), ("intrinsic", intrinsic)] {
                expect(throwsTooDeep { _ = try YAMLRenderer().render(value) }, "\(depth) levels of \(name): YAMLRenderer refuses")
                expect(throwsTooDeep { _ = try JSONRenderer().render(value) }, "\(depth) levels of \(name): JSONRenderer refuses")
            }

            var node: Node = .string("leaf")
            for _ in 0..<depth { node = .sequence(Node.Sequence([node])) }
            var refused = false
            do { _ = try Emitter.emit(node) } catch { refused = true }
            expect(refused, "\(depth) levels of YAML nodes: Emitter refuses")
            var other: Node = .string("leaf")
            for _ in 0..<depth { other = .sequence(Node.Sequence([other])) }
            expect(node == other && node.hashValue == other.hashValue, "\(depth) levels of YAML nodes: equal and hashed alike")
            other = .sequence(Node.Sequence([other]))
            expect(node != other, "\(depth) levels of YAML nodes: unequal when one is deeper")
        }
        return failures
    }

    /// `leaf` wrapped `depth` times by `wrap`, built without recursion.
    static func nested(_ depth: Int, _ wrap: (Value) -> Value) -> Value {
        var value: Value = "leaf"
        for _ in 0..<depth { value = wrap(value) }
        return value
    }

    static func throwsTooDeep(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch {
            return (error as? RenderError) == .tooDeep(limit: RenderError.depthLimit)
        }
    }
}
