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
    ],
    targets: [
        .executableTarget(
            name: "Infra",
            dependencies: [
                .product(name: "Fanout", package: "Fanout"),
                .product(name: "FanoutCommandLine", package: "Fanout"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
