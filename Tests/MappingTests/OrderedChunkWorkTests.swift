import Foundation
import Testing
@testable import Mapping

/// Results come back in submission order whatever order the workers finish in.
struct OrderedChunkWorkTests {
    @Test(arguments: [1, 2, 4])
    func resultsKeepTheSubmissionOrder(workers: Int) {
        let work = OrderedChunkWork<Int>(workers: workers)
        var results: [Int] = []
        for i in 0..<300 {
            // Later chunks often finish first: the early ones sleep longer.
            let pause = UInt32((i * 7919) % 13) * 50
            results += work.submit { usleep(pause); return i }
        }
        results += work.finish()
        #expect(results == Array(0..<300))
    }

    @Test func resultsKeepTheOrderWithChunksInMemory() {
        let work = OrderedChunkWork<Int>(workers: 2)
        var results: [Int] = []
        for i in 0..<300 {
            let pause = UInt32((i * 7919) % 13) * 50
            results += work.submit(inMemory: (i / 40) % 2 == 0) { usleep(pause); return i }
        }
        results += work.finish()
        #expect(results == Array(0..<300))
    }

    /// While in-memory chunks wait for the workers, the submitter may hand over the width's worth
    /// of chunks plus one per in-memory chunk, and no more.
    @Test func chunksInMemoryLetTheSubmitterGetAhead() {
        let work = OrderedChunkWork<Int>(workers: 2)  // width 3
        let gate = DispatchSemaphore(value: 0)
        let handedOver = Counter()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var results: [Int] = []
        let submitter = Thread {
            var out: [Int] = []
            for i in 0..<5 { out += work.submit(inMemory: true) { gate.wait(); gate.signal(); return i } }
            for i in 5..<20 {
                out += work.submit { gate.wait(); gate.signal(); return i }
                handedOver.increment()
            }
            out += work.finish()
            results = out
            done.signal()
        }
        submitter.start()
        let deadline = Date().addingTimeInterval(20)
        while handedOver.value < 8, Date() < deadline { usleep(1_000) }
        usleep(200_000)
        #expect(handedOver.value == 8)  // 3 + 5, then the submitter waits
        gate.signal()
        done.wait()
        #expect(results == Array(0..<20))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    @Test func finishingWithNothingSubmittedReturnsNothing() {
        #expect(OrderedChunkWork<Int>().finish().isEmpty)
    }
}
