// swift-tools-version:6.0
// Fanout's benchmarks, a package of their own so that the main build stays lean. From the
// repository's root:
//
//     swift run -c release --package-path Benchmarks fanout-benchmark
//
// See BENCHMARKS.md for what it measures and the results.
import PackageDescription

// A path dependency's identity is its directory's name, which differs between clones.
let fanout = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Fanout"

let package = Package(
    name: "FanoutBenchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        // libyaml alone, re-emitting a parsed event stream: the floor for YAML rendering.
        .target(name: "LibYAMLFloor", path: "LibYAMLFloor", linkerSettings: [.linkedLibrary("yaml")]),
        .executableTarget(
            name: "fanout-benchmark",
            dependencies: [.product(name: "Fanout", package: fanout), "LibYAMLFloor"],
            path: "FanoutBenchmark"),
    ],
    swiftLanguageModes: [.v6]
)
