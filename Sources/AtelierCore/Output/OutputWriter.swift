import Foundation

/// Writes the site into a fresh folder beside the output, then swaps it in:
/// a build that fails, or stops half-way, leaves the previous site as it was.
/// A file identical to the one the previous build wrote is hard-linked rather than written again, which spares
/// the file system most of its work on a rebuild.
enum OutputWriter {
    static func write(_ files: [OutputFile], to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).atelier-new")
        let previous = parent.appendingPathComponent(".\(output.lastPathComponent).atelier-old")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: previous)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)

        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() {
            try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let failures = ParallelMap.map(files) { file -> String? in
            let target = staging.appendingPathComponent(file.path)
            do {
                switch file.contents {
                case let .text(text):
                    let data = Data(text.utf8)
                    let previous = output.appendingPathComponent(file.path)
                    if FileManager.default.contents(atPath: previous.path) == data, link(previous.path, target.path) == 0 {
                        return nil
                    }
                    try data.write(to: target)
                case let .copy(source): try FileManager.default.copyItem(at: source, to: target)
                }
                return nil
            } catch {
                return "\(file.path) : \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let failure = failures.first {
            try? fm.removeItem(at: staging)
            throw WriteError(message: "écriture impossible de \(failure)")
        }
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: previous)
        }
        try fm.moveItem(at: staging, to: output)
        try? fm.removeItem(at: previous)
    }

    struct WriteError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
