import CCmarkGFM

/// A Markdown text's lines, indexed once, to turn cmark's positions (lines of the body, columns in bytes) into
/// the editor's (lines of the file, columns in characters).
struct SourceLines {
    let source: MarkdownSource
    private let bytes: [UInt8]
    /// Byte offset where each line starts.
    private let starts: [Int]

    init(_ source: MarkdownSource) {
        self.source = source
        bytes = Array(source.text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
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

    func location(of node: OpaquePointer, byteOffset: Int = 0) -> SourceLocation {
        location(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)) + byteOffset)
    }

    /// Characters before the byte column, plus one: UTF-8 continuation bytes do not count.
    private func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count else { return byteColumn }
        let start = starts[line - 1]
        let end = min(bytes.count, start + max(0, byteColumn - 1))
        return bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
