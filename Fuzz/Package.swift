// swift-tools-version:6.0
// The fuzzing harness: libFuzzer over AtelierCore's input checks. A package of its own, built with the sanitizer
// by `make fuzz`, so that the core's ordinary build and tests stay as they are.
import PackageDescription

let package = Package(
    name: "AtelierFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Atelier", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "atelier-fuzz",
            dependencies: [.product(name: "AtelierCore", package: "Atelier")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
