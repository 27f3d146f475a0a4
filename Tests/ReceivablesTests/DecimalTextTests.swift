import Foundation
import Testing
@testable import Receivables
import TestSupport

/// Reading a Decimal's parts from its bytes gives the same text as `description`, for every shape
/// of value an amount can take (a property test over seeded random values).
struct DecimalTextTests {
    @Test func bytesAndDescriptionAgree() {
        // The fast path is in use on this platform (else every check below would be skipped).
        #expect(DecimalText.parts(Decimal(string: "-1234.56")!) == .init(negative: true, exponent: -2, significand: 123_456))
        var rng = SeededRandom(state: 2026)
        for _ in 0..<5_000 {
            let significand = rng.next() >> (rng.next() % 64)
            let exponent = Int(rng.next() % 40) - 30
            let d = Decimal(sign: rng.next() % 2 == 0 ? .plus : .minus, exponent: exponent, significand: Decimal(significand))
            guard let parts = DecimalText.parts(d) else { continue }  // a mantissa wider than 64 bits
            #expect(DecimalText.text(parts) == d.description, "\(significand)e\(exponent)")
        }
    }

    @Test(arguments: [("1234.5", 2, "1234.50"), ("-0.001", 2, "-0.001"), ("5000", 2, "5000.00"), ("0", 0, "0"),
                      ("-12", 0, "-12"), ("0.1", 3, "0.100")])
    func plainTextPadsTheFraction(_ text: String, _ scale: Int, _ expected: String) {
        #expect(Money.plainText(Decimal(string: text)!, minimumScale: scale) == expected)
    }
}
