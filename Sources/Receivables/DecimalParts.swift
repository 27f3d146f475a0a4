import Foundation

/// An exact decimal as its sign, a 64-bit significand and a power of ten: `-1234.56` is
/// `(negative: true, significand: 123456, exponent: -2)`.
///
/// It holds what `Decimal` holds for every amount a receivables file writes, as plain integers: a
/// path that reads, checks and writes millions of amounts (a plain invoice row) uses it instead of
/// building a `Decimal` for each, which cost more than the rest of that work. Values are kept as
/// Foundation keeps them, trailing zeros stripped into the exponent (`898.90` is `8989e-1`) and
/// zero unsigned, so a value read here and one read through `Decimal` have the same parts and
/// write the same text.
public struct DecimalParts: Equatable, Sendable {
    public var significand: UInt64
    public var exponent: Int32
    public var negative: Bool

    public init(negative: Bool, exponent: Int, significand: UInt64) {
        self.significand = significand; self.exponent = Int32(clamping: exponent); self.negative = negative
    }

    /// The parts of a `Decimal`; `nil` when its significand is wider than 64 bits or this
    /// Foundation lays decimals out otherwise (``DecimalText/parts(_:)``).
    public init?(_ value: Decimal) {
        guard let parts = DecimalText.parts(value) else { return nil }
        self = parts
    }

    /// The value as a `Decimal`, as ``Money/parsePlainDecimal(_:)`` builds one.
    public var decimal: Decimal {
        Money.decimal(negative: negative, significand: significand, exponent: Int(exponent))
    }

    /// Parses plain text (`-1234.56`, `1234`, `.5`, `+3`: no grouping, no exponent); `nil` for
    /// anything else, and past 19 digits (``Money/parsePlainDecimal(bytes:)`` reads those).
    public static func parse(plain all: UnsafeBufferPointer<UInt8>) -> DecimalParts? {
        var significand: UInt64 = 0, exponent = 0, digits = 0, sawPoint = false, negative = false
        var bytes = all[...]
        if let f = bytes.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-"); bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        for b in bytes {
            if b == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true; continue
            }
            guard b >= 48 && b <= 57 else { return nil }
            digits += 1
            guard significand <= (UInt64.max - 9) / 10 else { return nil }
            significand = significand * 10 + UInt64(b - 48)
            if sawPoint { exponent -= 1 }
        }
        guard digits > 0 else { return nil }
        return normalized(negative: negative, significand: significand, exponent: exponent)
    }

    /// The parts as Foundation keeps them: trailing zeros moved into the exponent, zero unsigned
    /// with exponent 0.
    public static func normalized(negative: Bool, significand: UInt64, exponent: Int) -> DecimalParts {
        guard significand != 0 else { return DecimalParts(negative: false, exponent: 0, significand: 0) }
        var s = significand, e = exponent
        while s % 10 == 0 { s /= 10; e += 1 }
        return DecimalParts(negative: negative, exponent: e, significand: s)
    }

    /// Whether this value is exactly greater than `other`; `nil` when the two are too far apart in
    /// scale to compare in 64 bits (the caller compares `Decimal`s then).
    public func isGreater(than other: DecimalParts) -> Bool? {
        // Zero against anything: by sign alone.
        if significand == 0 || other.significand == 0 {
            if significand == 0 && other.significand == 0 { return false }
            return significand == 0 ? other.negative : !negative
        }
        if negative != other.negative { return other.negative }
        // Same sign: compare magnitudes at the smaller exponent (`8989e-1` against `1e3`).
        var x = significand, y = other.significand
        let shift = abs(Int(exponent) - Int(other.exponent))
        guard shift < DecimalText.powersOfTen.count else { return nil }
        let scaled = (exponent > other.exponent ? x : y).multipliedReportingOverflow(by: DecimalText.powersOfTen[shift])
        guard !scaled.overflow else { return nil }
        if exponent > other.exponent { x = scaled.partialValue } else { y = scaled.partialValue }
        return negative ? x < y : x > y
    }

    /// Plain text with `.` and no grouping, the fraction padded to at least `minimumScale` digits
    /// (``Money/plainText``), appended to `bytes`.
    public func appendPlainText(minimumScale: Int, to bytes: inout [UInt8]) {
        DecimalText.append(self, minimumScale: minimumScale, to: &bytes)
    }

    /// The most bytes ``write(minimumScale:at:)`` writes.
    public func textBound(minimumScale: Int) -> Int { DecimalText.textBound(self, minimumScale: minimumScale) }

    /// ``appendPlainText(minimumScale:to:)``'s bytes written at `out`, which has room for
    /// ``textBound(minimumScale:)`` of them; returns how many it wrote.
    public func write(minimumScale: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        DecimalText.write(self, minimumScale: minimumScale, at: out)
    }
}
