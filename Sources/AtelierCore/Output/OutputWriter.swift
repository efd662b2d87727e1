import Foundation

/// Writes the rendered site into the output folder's twin, then swaps it in. A file identical to the one the live
/// site holds is hard-linked rather than written again: it keeps its modification time, and the file system most
/// of its work.
enum OutputWriter {
    static func write(_ files: [OutputFile], to folder: OutputFolder) throws {
        let fm = FileManager.default
        try folder.prepareTwin()
        let staging = folder.twin
        let live = folder.live
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for path in folders.sorted() {
            try fm.createDirectory(at: staging.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        let failures = ParallelMap.map(files) { file -> String? in
            let target = staging.appendingPathComponent(file.path)
            do {
                switch file.contents {
                case let .text(text):
                    let data = Data(text.utf8)
                    let previous = live.appendingPathComponent(file.path)
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
            throw OutputError("écriture impossible de \(failure)")
        }
        try folder.swapIn()
    }
}
