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

    /// Padded to a minimum scale, the bytes are `description` padded with zeros.
    @Test func paddedBytesAreThePaddedDescription() {
        var rng = SeededRandom(state: 7)
        for _ in 0..<5_000 {
            let significand = rng.next() >> (rng.next() % 64)
            let exponent = Int(rng.next() % 40) - 30, scale = Int(rng.next() % 5)
            let d = Decimal(sign: rng.next() % 2 == 0 ? .plus : .minus, exponent: exponent, significand: Decimal(significand))
            guard let parts = DecimalText.parts(d) else { continue }
            var expected = d.description
            let fraction = expected.firstIndex(of: ".").map { expected.distance(from: $0, to: expected.endIndex) - 1 }
            if scale > (fraction ?? 0) {
                if fraction == nil { expected += "." }
                expected += String(repeating: "0", count: scale - (fraction ?? 0))
            }
            var bytes: [UInt8] = [0x41]
            DecimalText.append(parts, minimumScale: scale, to: &bytes)
            #expect(String(decoding: bytes.dropFirst(), as: UTF8.self) == expected, "\(significand)e\(exponent) scale \(scale)")
        }
    }

    @Test(arguments: [(0, 1, "0"), (0, 2, "00"), (5, 0, "5"), (7, 2, "07"), (42, 1, "42"), (99, 2, "99"), (100, 2, "100"),
                      (2024, 4, "2024"), (12345, 2, "12345"), (UInt64.max, 1, "18446744073709551615")])
    func digitsArePaddedToTheirWidth(_ n: UInt64, _ width: Int, _ expected: String) {
        var bytes: [UInt8] = []
        bytes.appendDigits(n, width: width)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        var decimal: [UInt8] = []
        decimal.appendDecimal(-Int(n % 1_000_000))
        #expect(String(decoding: decimal, as: UTF8.self) == String(-Int(n % 1_000_000)))
    }

    // Every digit count and padding, against the standard library's digits.
    @Test func digitsAreTheStandardLibrarysDigits() {
        var generator = SystemRandomNumberGenerator()
        var numbers: [UInt64] = [0, 9, 10, 99, 100, 101, 999, 1_000, 65_536, UInt64.max, UInt64.max - 1]
        for digits in 1...20 {
            let low: UInt64 = digits == 1 ? 0 : (0..<(digits - 1)).reduce(1) { p, _ in p * 10 }
            numbers.append(low)
            let high: UInt64 = digits == 20 ? .max : digits == 1 ? 9 : low * 10 - 1
            numbers.append(UInt64.random(in: low...high, using: &generator))
        }
        for n in numbers {
            for width in [0, 1, 2, 7, 25, 45] {
                let text = String(n)
                let padded = String(repeating: "0", count: max(0, min(width, DecimalDigits.maxWidth) - text.count)) + text
                var bytes: [UInt8] = []
                bytes.appendDigits(n, width: width)
                #expect(String(decoding: bytes, as: UTF8.self) == padded, "\(n) width \(width)")
            }
        }
    }

    @Test(arguments: [("1234.5", 2, "1234.50"), ("-0.001", 2, "-0.001"), ("5000", 2, "5000.00"), ("0", 0, "0"),
                      ("-12", 0, "-12"), ("0.1", 3, "0.100")])
    func plainTextPadsTheFraction(_ text: String, _ scale: Int, _ expected: String) {
        #expect(Money.plainText(Decimal(string: text)!, minimumScale: scale) == expected)
    }
}
