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

    @Test func finishingWithNothingSubmittedReturnsNothing() {
        #expect(OrderedChunkWork<Int>().finish().isEmpty)
    }
}
