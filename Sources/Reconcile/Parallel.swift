import Dispatch

/// Deterministic parallel map: results land at their own index, so the output is the same as
/// a sequential map whatever the scheduling. Work is cut into a few chunks per core.
enum Parallel {
    /// A buffer that chunks of `concurrentPerform` write to at disjoint indices.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
    }

    static func map<T>(count: Int, minimumChunk: Int = 256, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > minimumChunk else { return (0..<count).map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deinitialize(); buffer.deallocate() }
        let slots = Slots(buffer: buffer)
        let chunks = max(1, min(64, count / minimumChunk))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lo = count * chunk / chunks, hi = count * (chunk + 1) / chunks
            for i in lo..<hi { slots.buffer[i] = transform(i) }
        }
        return buffer.compactMap { $0 }
    }
}
