import Foundation

/// Runs independent work on every core and keeps the input order, so output stays deterministic.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.values
    }
}

extension ParallelMap {
    /// Like `map`, in a few chunks of consecutive items: for work that sets up something per chunk (scratch space).
    static func chunked<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable ([Input]) -> [Output]) -> [Output] {
        let size = max(1, (items.count + 15) / 16)
        let chunks = stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min(items.count, $0 + size)]) }
        return map(chunks, transform).flatMap { $0 }
    }
}

/// One slot per index; each written by exactly one iteration, read after all have finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
