// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fanout",
    products: [
        .library(name: "Fanout", targets: ["Fanout"]),
        .library(name: "YAML", targets: ["YAML"]),
        // The command line of a user's own service: `struct Infra: FanoutCommand` and @main.
        .library(name: "FanoutCommandLine", targets: ["FanoutCommandLine"]),
        .executable(name: "fanout", targets: ["fanout"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev), used directly.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CLibYAML"]),
        // Removes temporary files when the process is interrupted; in C so the signal handler
        // is plainly async-signal-safe.
        .target(name: "CSignalCleanup"),
        .target(
            name: "Fanout",
            dependencies: [
                "YAML",
                "CSignalCleanup",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "FanoutCommandLine",
            dependencies: [
                "Fanout",
                "YAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The built-in services (tutorial, production): for `fanout` and the tests, in no product.
        .target(name: "FanoutExamples", dependencies: ["Fanout"]),
        // `fanout`: FanoutCommandLine over the examples, plus commands of its own.
        .executableTarget(
            name: "fanout",
            dependencies: [
                "Fanout",
                "FanoutCommandLine",
                "FanoutExamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Builds many random services and runs the pipeline on them; the test suite runs it in
        // a child process so that a trap fails a test instead of killing the suite.
        .executableTarget(
            name: "fanout-fuzz",
            dependencies: ["Fanout", .product(name: "OrderedCollections", package: "swift-collections")],
            path: "Tests/Fuzz"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(
            name: "FanoutTests",
            dependencies: [
                "Fanout", "FanoutExamples", "FanoutCommandLine", "YAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
