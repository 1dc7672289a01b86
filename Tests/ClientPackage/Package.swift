// swift-tools-version:6.0
// A user's package, as the README tells one to write it: it depends on Fanout from outside
// (here by path, the repository two folders up) and describes its service with FanoutCommand.
// CommandLineLibraryTests builds it and runs `Infra --help`, `Infra check --update` and
// `Infra check`, proving the library works from another package.
import PackageDescription

let package = Package(
    name: "ClientPackage",
    dependencies: [
        .package(name: "Fanout", path: "../.."),
        // Only for a command of its own (additionalCommands): ArgumentParser's types.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "Infra",
            dependencies: [
                .product(name: "Fanout", package: "Fanout"),
                .product(name: "FanoutCommandLine", package: "Fanout"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
