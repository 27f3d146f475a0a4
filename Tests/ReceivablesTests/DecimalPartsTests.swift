import Foundation
import Testing
@testable import Receivables
import TestSupport

/// ``DecimalParts`` read from plain text are the parts of the `Decimal` the same text makes, and
/// compare as those decimals do (property tests over seeded random amounts).
struct DecimalPartsTests {
    /// A random plain amount: sign, up to 19 digits, a point somewhere or none, zeros included.
    static func randomPlain(_ rng: inout SeededRandom) -> String {
        let digits = 1 + Int(rng.next() % 19)
        var text = rng.next() % 3 == 0 ? "-" : ""
        var body = ""
        for _ in 0..<digits { body += String(rng.next() % 4 == 0 ? 0 : rng.next() % 10) }
        if rng.next() % 4 != 0 {
            let point = Int(rng.next() % UInt64(digits))
            body.insert(".", at: body.index(body.startIndex, offsetBy: point))
        }
        text += body
        return text
    }

    @Test func plainTextGivesTheDecimalsParts() throws {
        var rng = SeededRandom(state: 2026_12)
        for _ in 0..<5_000 {
            var text = Self.randomPlain(&rng)
            let parts = text.withUTF8 { DecimalParts.parse(plain: $0) }
            let decimal = try #require(Money.parsePlainDecimal(text), "\(text)")
            #expect(parts == DecimalParts(decimal), "\(text)")
            #expect(parts?.decimal == decimal, "\(text)")
            var bytes: [UInt8] = []
            parts?.appendPlainText(minimumScale: 2, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Money(decimal, nil).plainText, "\(text)")
        }
    }

    @Test func comparisonAgreesWithDecimals() throws {
        var rng = SeededRandom(state: 31)
        for _ in 0..<5_000 {
            var a = Self.randomPlain(&rng), b = rng.next() % 5 == 0 ? a : Self.randomPlain(&rng)
            let p = try #require(a.withUTF8 { DecimalParts.parse(plain: $0) }), q = try #require(b.withUTF8 { DecimalParts.parse(plain: $0) })
            guard let greater = p.isGreater(than: q) else { continue }  // too far apart for 64 bits
            #expect(greater == (p.decimal > q.decimal), "\(a) > \(b)")
        }
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1,5", "12a", "1e5", "99999999999999999999"])
    func notPlainOrTooLongIsNoParts(_ text: String) {
        var text = text
        #expect(text.withUTF8 { DecimalParts.parse(plain: $0) } == nil)
    }

    @Test func zeroIsUnsignedAndTrailingZerosMoveToTheExponent() {
        var zero = "-0.00", round = "1500.00"
        #expect(zero.withUTF8 { DecimalParts.parse(plain: $0) } == DecimalParts(negative: false, exponent: 0, significand: 0))
        #expect(round.withUTF8 { DecimalParts.parse(plain: $0) } == DecimalParts(negative: false, exponent: 2, significand: 15))
    }

    @Test func longPlainDecimalsStillParseThroughFoundation() {
        #expect(Money.parsePlainDecimal("12345678901234567890.5")?.description == "12345678901234567890.5")
        #expect(Money.parsePlainDecimal("12345678901234567890x") == nil)
        // Up to the 38 significant digits a Decimal keeps exactly; past them, no amount rather
        // than a rounded one (QA session 22: a 40-digit amount lost its last digits silently).
        let widest = "12345678901234567890123456789012345678"
        #expect(Money.parsePlainDecimal(widest)?.description == widest)
        #expect(Money.parsePlainDecimal("000" + widest)?.description == widest)
        #expect(Money.parsePlainDecimal(widest + "9") == nil)
        #expect(Money.parsePlainDecimal("9999999999999999999999999999999999999999.5") == nil)
    }
}
