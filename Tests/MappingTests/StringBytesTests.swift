import Foundation
import Testing
@testable import Mapping

/// Header synonyms are searched on bytes when both texts are ASCII (``Swift/String/containsASCII(_:)``):
/// the answers are Foundation's search's.
struct StringBytesTests {
    @Test func asciiSearchAnswersAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", " ", "ab", "fecha", " de ", "é", "e\u{301}", "ñ", "-", ""]
        func random(_ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<5_000 {
            let haystack = " " + random(6) + " ", needle = random(3)
            #expect(haystack.containsASCII(needle) == haystack.contains(needle), "\(haystack) / \(needle)")
        }
        #expect(" fecha de vencimiento ".containsASCII(" fecha "))
        #expect(!" fechas ".containsASCII(" fecha "))
    }
}
