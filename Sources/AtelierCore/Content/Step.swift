/// One step of a path (a field of type `etapes`): what to do, and where to find what it needs.
public struct Step: Sendable, Hashable {
    public let title: String
    /// A short plain text, shown as it is written.
    public let text: String
    /// Resources of the site, by their path in `content/` without `.md` (`kits/odd-17-en-pratique`): checked once
    /// every resource is known, like the links of a text.
    public let resources: [ResourceReference]
    public let links: [ResourceLink]

    /// The id of the step numbered `number` (from 1) on its page: `etape-3`, which texts may link to.
    public static func anchor(_ number: Int) -> String { "etape-\(number)" }
}

/// A resource named in a header by its path in `content/`, with where it is written, for the message if it is wrong.
public struct ResourceReference: Sendable, Hashable {
    public let path: String
    public let location: SourceLocation

    /// The files the path may name: `kits/guide.md`, or the bundle `kits/guide/index.md`.
    var candidateSources: [String] { ["content/\(path).md", "content/\(path)/index.md"] }
}

/// A named choice among the steps of the same resource (a field of type `selections`): « 2 h », steps 1, 2 and 5.
public struct StepSelection: Sendable, Hashable {
    public let label: String
    /// Step numbers, from 1, in increasing order.
    public let steps: [Int]
}
