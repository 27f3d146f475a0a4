import Foundation
import Testing
@testable import Receivables

@Suite struct MoneyTests {
    /// The fast comparison is Foundation's, over signs, zeros, equal and different exponents.
    @Test func isGreaterAgreesWithFoundation() {
        let texts = ["0", "-0", "0.00", "1", "1.00", "1.5", "-1.5", "898.91", "898.90", "1000", "-1000.01", "0.001",
                     "12345678901234567890.12", "-12345678901234567890.12", "99999999999999999999", "0.10", "-0.10"]
        let values = texts.map { Decimal(string: $0)! } + [.nan, Decimal(8989) / 10, Decimal(1000), Decimal(string: "1e3")!]
        for a in values {
            for b in values { #expect(Money.isGreater(a, than: b) == (a > b), "\(a) > \(b)") }
        }
    }

    @Test func decimalArithmeticIsExact() {
        let a = Money("0.1", .usd)!, b = Money("0.2", .usd)!
        #expect((a + b) == Money("0.3", .usd)!)
        #expect((Money("100", .usd)! - Money("99.99", .usd)!).plainText == "0.01")
    }

    @Test(arguments: [("1234.5", "USD", "1234.50"), ("-3", "VES", "-3.00"), ("0.125", "USD", "0.125"),
                      ("1500", "CLP", "1500"), ("12345678901234567890.12", "COP", "12345678901234567890.12"),
                      ("-0", "USD", "0.00")])
    func plainText(input: String, currency: String, text: String) {
        #expect(Money(input, Currency(code: currency))?.plainText == text)
    }

    @Test(arguments: ["", "-", "1.2.3", "1,5", "abc", "1e5"])
    func rejectsNonPlainText(input: String) {
        #expect(Money.parsePlainDecimal(input) == nil)
    }

    @Test func bankersRounding() {
        #expect(Money("2.345", .usd)!.rounded(scale: 2).plainText == "2.34")
        #expect(Money("2.355", .usd)!.rounded(scale: 2).plainText == "2.36")
    }

    @Test func currencyCodes() {
        #expect(Currency(code: "usd")?.code == "USD")
        #expect(Currency(code: "US$") == nil)
        #expect(Currency(code: "EURO") == nil)
        #expect(Currency(code: "US") == nil)
        #expect(Currency(code: "U5D") == nil)
        #expect(Currency(code: "ÚSD") == nil)
        #expect(Currency(code: "vEs") == Currency.ves)
    }

    /// A currency is its code packed in an integer: equal, hashed and ordered as its code is.
    @Test func currenciesCompareAsTheirCodes() {
        let codes = ["AAA", "AAB", "ABA", "BAA", "CLP", "COP", "EUR", "KWD", "USD", "VES", "ZZZ"]
        let currencies = codes.map { Currency(code: $0)! }
        #expect(currencies.map(\.code) == codes)
        for (a, x) in zip(codes, currencies) {
            for (b, y) in zip(codes, currencies) {
                #expect((x < y) == (a < b))
                #expect((x == y) == (a == b))
            }
        }
        #expect(Set(currencies + currencies.map { Currency(code: $0.code.lowercased())! }).count == codes.count)
        #expect(currencies.map(\.minorUnits) == [2, 2, 2, 2, 0, 2, 2, 3, 2, 2, 2])
        #expect(Currency.usd.withCodeBytes { Array($0) } == Array("USD".utf8))
    }
}
