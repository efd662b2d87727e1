import Foundation

/// Lets another thread free what a finished build made: at ten thousand resources, its hundreds of thousands of small
/// objects take a tenth of a second to free, which neither the command line, about to exit, nor the preview, about
/// to serve the new site, needs to wait for.
enum BackgroundRelease {
    /// `values` must hold the last references (the caller passes them with `consume`), or they are freed wherever
    /// the last one goes.
    static func release(_ values: consuming [Any]) {
        let box = Box(values)
        DispatchQueue.global(qos: .utility).async { box.values.removeAll() }
    }

    private final class Box: @unchecked Sendable {
        var values: [Any]

        init(_ values: [Any]) { self.values = values }
    }
}
