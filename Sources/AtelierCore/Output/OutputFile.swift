import Foundation

/// One file of the generated site: text rendered in memory, or a file copied as it is.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case copy(URL)
    }

    /// Relative to the output folder: `kits/odd-17-en-pratique/index.html`.
    public let path: String
    public let contents: Contents

    /// A URL path such as `/kits/x/` becomes `kits/x/index.html`.
    static func page(_ url: String, _ html: String) -> OutputFile {
        let relative = String(url.dropFirst())
        let path = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        return OutputFile(path: path, contents: .text(html))
    }
}
