// swift-tools-version:6.0
import PackageDescription

// Where Fanout comes from: this is the line to change to use another copy, for example
//     .package(name: "Fanout", path: "../fanout")                          a checkout beside the project
//     .package(url: "https://github.com/OWNER/fanout.git", from: "1.0.0")  a hosted copy (CI needs one)
//     .package(url: "https://github.com/OWNER/fanout.git", branch: "main") a hosted copy without tags
// Fanout links the system's libyaml: install libyaml-dev (Debian, Ubuntu) or libyaml (Homebrew).
let fanout: Package.Dependency = {{fanoutDependency}}

let package = Package(
    name: "Infra",
    dependencies: [fanout],
    targets: [
        .executableTarget(
            name: "Infra",
            dependencies: [
                // The dependency's package name: the name given above, or for a URL its last
                // part without ".git" (fanout.git: "fanout"; case does not matter).
                .product(name: "Fanout", package: "{{fanoutPackage}}"),
                .product(name: "FanoutCommandLine", package: "{{fanoutPackage}}"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
