import Foundation

/// An exact amount of money in one currency.
///
/// Amounts are `Decimal` (base-10, 38 significant digits): never `Double`, so `0.1 + 0.2` is
/// exactly `0.3` and a balance that should be zero is zero. A `Money` without a currency is allowed
/// while importing (the currency may come later from the column, the mapping or the configuration),
/// but arithmetic between two different known currencies is a programming error.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: Currency?

    public init(_ amount: Decimal, _ currency: Currency?) {
        self.amount = amount; self.currency = currency
    }

    /// Parses plain decimal text with `.` as the separator (`-1234.56`), as written in outputs.
    public init?(_ text: String, _ currency: Currency?) {
        guard let d = Money.parsePlainDecimal(text) else { return nil }
        self.init(d, currency)
    }

    public static func zero(_ currency: Currency?) -> Money { Money(0, currency) }

    public var isZero: Bool { amount.isZero }
    public var isNegative: Bool { amount < 0 }

    /// Whether both sides name no conflicting currencies.
    public func isCompatible(with other: Money) -> Bool {
        currency == nil || other.currency == nil || currency == other.currency
    }

    public static func + (a: Money, b: Money) -> Money {
        precondition(a.isCompatible(with: b), "adding \(a.currency!) to \(b.currency!)")
        return Money(a.amount + b.amount, a.currency ?? b.currency)
    }

    public static func - (a: Money, b: Money) -> Money {
        precondition(a.isCompatible(with: b), "subtracting \(b.currency!) from \(a.currency!)")
        return Money(a.amount - b.amount, a.currency ?? b.currency)
    }

    public static prefix func - (a: Money) -> Money { Money(-a.amount, a.currency) }

    /// The amount rounded half-even to `scale` decimals (bankers' rounding, as accounting does).
    public func rounded(scale: Int) -> Money {
        var input = amount, result = Decimal()
        NSDecimalRound(&result, &input, scale, .bankers)
        return Money(result, currency)
    }

    /// Plain decimal text with `.` and no grouping, at least the currency's minor digits:
    /// `1234.50`, `-3.00`, `0.125`. This is the form every output file uses.
    public var plainText: String { Money.plainText(amount, minimumScale: currency?.minorUnits ?? 2) }

    /// `1234.50 USD`.
    public var description: String { currency.map { "\(plainText) \($0.code)" } ?? plainText }

    /// ``plainText`` appended to `bytes` as UTF-8, without building a string (for writers of
    /// millions of amounts).
    public func appendPlainText(to bytes: inout [UInt8]) {
        Money.appendPlainText(amount, minimumScale: currency?.minorUnits ?? 2, to: &bytes)
    }

    /// `a > b`, exactly, without Foundation's normalization when both have one exponent (a column's
    /// amounts, all with two decimals) or either is zero; Foundation's comparison otherwise.
    public static func isGreater(_ a: Decimal, than b: Decimal) -> Bool {
        // Only two non-zero numbers: NaN and Foundation's several zeros keep Foundation's order.
        guard !a.isNaN, !b.isNaN, let p = DecimalText.parts(a), let q = DecimalText.parts(b),
              p.significand != 0, q.significand != 0, let greater = p.isGreater(than: q) else { return a > b }
        return greater
    }

    /// Formats a decimal without exponent or grouping, padding the fraction to `minimumScale`.
    public static func plainText(_ value: Decimal, minimumScale: Int) -> String {
        var bytes: [UInt8] = []
        appendPlainText(value, minimumScale: minimumScale, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``plainText(_:minimumScale:)`` appended to `bytes`.
    static func appendPlainText(_ value: Decimal, minimumScale: Int, to bytes: inout [UInt8]) {
        if let parts = DecimalText.parts(value) {
            DecimalText.append(parts, minimumScale: minimumScale, to: &bytes)
            return
        }
        // `Decimal.description` is plain digits with an optional `-` and `.` (never an exponent,
        // never grouping, whatever the locale); only the fraction's padding is ours to add.
        let text = value.description
        var fractionDigits = -1
        for b in text.utf8 {
            if fractionDigits >= 0 { fractionDigits += 1 } else if b == UInt8(ascii: ".") { fractionDigits = 0 }
        }
        bytes.appendUTF8(text)
        let missing = minimumScale - max(fractionDigits, 0)
        guard missing > 0 else { return }
        if fractionDigits < 0 { bytes.append(UInt8(ascii: ".")) }
        bytes.appendZeros(missing)
    }

    /// Parses `-1234.56`, `1234`, `.5`, `+3` exactly; no grouping, no exponent.
    public static func parsePlainDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parsePlainDecimal(bytes: $0) }
    }

    /// ``parsePlainDecimal(_:)`` of UTF-8 bytes.
    public static func parsePlainDecimal(bytes all: UnsafeBufferPointer<UInt8>) -> Decimal? {
        if let parts = DecimalParts.parse(plain: all) { return parts.decimal }
        // Not plain, or beyond 19 digits: Foundation's parser for the rare long one, up to the 38
        // significant digits a `Decimal` holds exactly (past them it rounds without a word: no
        // amount, then, rather than another one).
        var digits = 0, significant = 0, points = 0
        for (i, b) in all.enumerated() {
            if b >= 48 && b <= 57 {
                digits += 1
                if b != 48 || significant > 0 { significant += 1 }
            } else if b == UInt8(ascii: ".") { points += 1 }
            else if i > 0 || (b != UInt8(ascii: "-") && b != UInt8(ascii: "+")) { return nil }
        }
        guard digits > 19, significant <= 38, points <= 1 else { return nil }
        return Decimal(string: String(decoding: all, as: UTF8.self), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `±significand × 10^exponent`, built as ``parsePlainDecimal(_:)`` builds what it reads.
    public static func decimal(negative: Bool, significand: UInt64, exponent: Int) -> Decimal {
        var d = Decimal(significand)
        if exponent != 0 { d = Decimal(sign: .plus, exponent: exponent, significand: d) }
        return negative ? -d : d
    }
}
