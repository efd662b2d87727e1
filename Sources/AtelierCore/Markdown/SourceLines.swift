import CCmarkGFM
import Foundation

/// A Markdown text's lines, indexed once, to turn cmark's positions (lines of the body, columns in bytes) into
/// the editor's (lines of the file, columns in characters).
struct SourceLines {
    let source: MarkdownSource
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let starts: [Int]

    init(_ source: MarkdownSource) {
        self.source = source
        let bytes = Array(source.text.utf8)
        var starts = [0]
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let newline = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(newline)) + 1
                starts.append(offset)
            }
        }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `line` of the body (1-based), without its line break.
    func text(ofLine line: Int) -> Substring {
        guard line >= 1, line <= starts.count else { return "" }
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        return Substring(decoding: bytes[starts[line - 1]..<max(starts[line - 1], end)], as: UTF8.self)
    }

    /// cmark's line and byte column in the body, as a place in the file.
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(file: source.file, line: source.firstLine + line - 1, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    /// Where a node starts. cmark leaves some nodes unplaced (text in table cells): the nearest placed ancestor stands
    /// in, and the offset inside the node no longer applies.
    func location(of node: OpaquePointer, byteOffset: Int = 0) -> SourceLocation {
        var placed: OpaquePointer? = node
        while let current = placed, cmark_node_get_start_line(current) < 1 || cmark_node_get_start_column(current) < 1 {
            placed = cmark_node_parent(current)
        }
        guard let placed else { return SourceLocation(file: source.file, line: source.firstLine) }
        return location(line: Int(cmark_node_get_start_line(placed)),
                        byteColumn: Int(cmark_node_get_start_column(placed)) + (placed == node ? byteOffset : 0))
    }

    /// Lines that open with `prefix` (after up to three spaces), with the byte column of the prefix.
    func lines(opening prefix: String) -> [(line: Int, byteColumn: Int)] {
        let wanted = Array(prefix.utf8)
        var found: [(Int, Int)] = []
        bytes.withUnsafeBufferPointer { buffer in
            for (index, start) in starts.enumerated() {
                var at = start
                while at < buffer.count, at - start < 3, buffer[at] == UInt8(ascii: " ") { at += 1 }
                guard at + wanted.count <= buffer.count else { continue }
                if (0..<wanted.count).allSatisfy({ buffer[at + $0] == wanted[$0] }) { found.append((index + 1, at - start + 1)) }
            }
        }
        return found
    }

    /// Characters before the byte column, plus one: UTF-8 continuation bytes do not count.
    private func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count else { return max(1, byteColumn) }
        let start = starts[line - 1]
        let end = min(bytes.count, start + max(0, byteColumn - 1))
        return bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
