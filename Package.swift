// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Fanout",
    products: [
        .library(name: "Fanout", targets: ["Fanout"]),
        .library(name: "YAML", targets: ["YAML"]),
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
        .executableTarget(
            name: "fanout",
            dependencies: [
                "Fanout",
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
        .testTarget(name: "FanoutTests", dependencies: ["Fanout", "YAML"]),
    ],
    swiftLanguageModes: [.v6]
)
