import Dispatch
import Foundation

/// Runs chunks of work on worker threads and hands their results back in the order the chunks were
/// submitted, so a parallel import writes exactly what a sequential one would.
///
/// The submitting thread keeps the results: `submit` returns the results that are ready (in order)
/// and blocks only while `width` chunks are outstanding and the oldest is not done yet. At most
/// `width` results are held at once, which bounds memory whatever the input's size.
final class OrderedChunkWork<Result: Sendable>: @unchecked Sendable {
    // @unchecked: `done`, `outstanding` and the indices are guarded by `condition`.
    private let condition = NSCondition()
    private var done: [Int: Result] = [:]
    private var nextIn = 0, nextOut = 0, outstanding = 0
    private let width: Int

    init(width: Int = max(2, ProcessInfo.processInfo.activeProcessorCount) + 1) { self.width = width }

    /// Starts `work` on a worker thread; returns the results that are ready, oldest first.
    func submit(_ work: @escaping @Sendable () -> Result) -> [Result] {
        condition.lock()
        var ready: [Result] = []
        while outstanding >= width {
            if !popReady(into: &ready) { condition.wait() }
        }
        let index = nextIn
        nextIn += 1; outstanding += 1
        condition.unlock()
        DispatchQueue.global().async {
            let result = work()
            self.condition.lock()
            self.done[index] = result
            self.condition.broadcast()
            self.condition.unlock()
        }
        condition.lock()
        _ = popReady(into: &ready)
        condition.unlock()
        return ready
    }

    /// Waits for every chunk; returns the remaining results, oldest first.
    func finish() -> [Result] {
        condition.lock()
        var ready: [Result] = []
        while outstanding > 0 {
            if !popReady(into: &ready) { condition.wait() }
        }
        condition.unlock()
        return ready
    }

    /// Moves the finished results at the head of the order into `ready`; whether it moved any.
    private func popReady(into ready: inout [Result]) -> Bool {
        var moved = false
        while let result = done.removeValue(forKey: nextOut) {
            ready.append(result); nextOut += 1; outstanding -= 1; moved = true
        }
        return moved
    }
}
