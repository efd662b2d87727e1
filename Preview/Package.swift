// swift-tools-version:6.0
// The preview server lives in its own package so that Hummingbird (several minutes to build) stays out of
// the core's build and tests. `atelier serve` runs it.
import PackageDescription

let package = Package(
    name: "AtelierPreview",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Atelier", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "atelier-preview",
            dependencies: [
                .product(name: "AtelierCore", package: "Atelier"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
