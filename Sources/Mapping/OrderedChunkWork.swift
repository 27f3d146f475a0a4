import Foundation

/// Runs chunks of work on worker threads and hands their results back in the order the chunks were
/// submitted, so a parallel import writes exactly what a sequential one would.
///
/// The submitting thread keeps the results: `submit` returns the results that are ready (in order)
/// and blocks only while `width` chunks are outstanding and the oldest is not done yet, which
/// bounds memory whatever the input's size. Chunks of rows that were in memory already
/// (`inMemory`: a window's, rows read ahead) never wait, and each widens the room of the other
/// chunks by one: a reader that hands over many rows at once goes on reading while the workers
/// take them, instead of waiting for them all and then for the rows it reads next. What it may
/// read ahead so is bounded by the rows it held before.
///
/// The workers are threads of its own rather than a shared Dispatch queue: a caller blocked here
/// may itself be running on a pool thread (Swift concurrency, tests), and work queued behind it on
/// the same pool could then never start.
final class OrderedChunkWork<Result: Sendable>: @unchecked Sendable {
    // @unchecked: every property below is guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [(index: Int, work: @Sendable () -> Result)] = []
    private var done: [Int: Result] = [:]
    private var nextIn = 0, nextOut = 0, outstanding = 0
    private var threads = 0, closed = false
    /// The outstanding chunks submitted `inMemory`, and how many were submitted in all.
    private var inMemory = Set<Int>()
    private var inMemorySubmitted = 0
    private let width: Int, workers: Int
    /// How much nicer the workers are than the submitting thread (``HelperThreadPriority``).
    private let nice: Int32

    init(workers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount), nice: Int32 = HelperThreadPriority.step) {
        self.workers = workers; self.nice = nice
        width = workers + 1
    }

    /// Queues `work` for a worker thread; returns the results that are ready, oldest first. With
    /// `inMemory` (the chunk's rows were held before: a window's, rows read ahead), handing it over
    /// never waits, and other chunks may be one more outstanding from then on.
    func submit(inMemory isInMemory: Bool = false, _ work: @escaping @Sendable () -> Result) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        var ready: [Result] = []
        // Other chunks outstanding may be as many as the width, plus one per in-memory chunk
        // submitted: once the workers are through those, the reader's own chunks have piled up
        // behind them, and the reader waiting for them all would idle as long again.
        while !isInMemory, outstanding - inMemory.count >= width + inMemorySubmitted {
            if !popReady(into: &ready) { condition.wait() }
        }
        if isInMemory { inMemory.insert(nextIn); inMemorySubmitted += 1 }
        waiting.append((nextIn, work))
        nextIn += 1; outstanding += 1
        if threads < workers {
            threads += 1
            let thread = Thread { [self] in runWorker() }
            thread.name = "consolida.import-worker"
            thread.start()
        }
        condition.broadcast()
        _ = popReady(into: &ready)
        return ready
    }

    /// Waits for every chunk and lets the workers end; returns the remaining results, oldest first.
    func finish() -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        var ready: [Result] = []
        while outstanding > 0 {
            if !popReady(into: &ready) { condition.wait() }
        }
        closed = true
        condition.broadcast()
        return ready
    }

    private func runWorker() {
        HelperThreadPriority.lowerCurrentThread(by: nice)
        condition.lock()
        while true {
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty else { break }
            let (index, work) = waiting.removeFirst()
            condition.unlock()
            let result = work()
            condition.lock()
            done[index] = result
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Moves the finished results at the head of the order into `ready`; whether it moved any.
    private func popReady(into ready: inout [Result]) -> Bool {
        var moved = false
        while let result = done.removeValue(forKey: nextOut) {
            ready.append(result); inMemory.remove(nextOut); nextOut += 1; outstanding -= 1; moved = true
        }
        return moved
    }
}
