/// How a column writes its numbers: the decimal separator and the digit-group separator.
///
/// Each value is checked against every format at once (a bit mask); a column's format is the one
/// every value agrees with, so `1.234` alone is ambiguous but `1.234,56` in the same column settles it.
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    /// The decimal separator: `.` or `,`.
    public var decimalSeparator: UInt8
    /// The group separator, or `nil` when digits are not grouped.
    public var groupSeparator: UInt8?

    public init(decimalSeparator: UInt8, groupSeparator: UInt8?) {
        self.decimalSeparator = decimalSeparator; self.groupSeparator = groupSeparator
    }

    /// Candidate formats in order of preference when several fit every value.
    public static let candidates: [NumberFormat] = [
        NumberFormat(decimalSeparator: UInt8(ascii: "."), groupSeparator: nil),
        NumberFormat(decimalSeparator: UInt8(ascii: "."), groupSeparator: UInt8(ascii: ",")),
        NumberFormat(decimalSeparator: UInt8(ascii: ","), groupSeparator: UInt8(ascii: ".")),
        NumberFormat(decimalSeparator: UInt8(ascii: ","), groupSeparator: nil),
        NumberFormat(decimalSeparator: UInt8(ascii: ","), groupSeparator: UInt8(ascii: " ")),
        NumberFormat(decimalSeparator: UInt8(ascii: "."), groupSeparator: UInt8(ascii: " ")),
    ]
    public static let allMask: UInt8 = (1 << candidates.count) - 1

    /// The first candidate in `mask`, or `nil` for an empty mask.
    public static func preferred(in mask: UInt8) -> NumberFormat? {
        for (k, f) in candidates.enumerated() where mask & (1 << k) != 0 { return f }
        return nil
    }

    /// `1.234,56` style text for reports: `decimal ',' group '.'`.
    public var description: String {
        "decimal '\(Character(Unicode.Scalar(decimalSeparator)))'"
            + (groupSeparator.map { " group '\(Character(Unicode.Scalar($0)))'" } ?? "")
    }
}

/// Exact parsing of numbers written in any ``NumberFormat``, straight from UTF-8 bytes.
public enum NumberParser {
    /// The formats `bytes` is a valid number in (bit k = `NumberFormat.candidates[k]`), and whether
    /// it has a fractional part in each. Accepts a sign, surrounding spaces and `(123)` negatives.
    public static func formatMask(_ bytes: UnsafeBufferPointer<UInt8>) -> (mask: UInt8, fractionMask: UInt8) {
        guard var (lo, hi) = trimmedBounds(bytes) else { return (0, 0) }
        if bytes[lo] == UInt8(ascii: "("), bytes[hi - 1] == UInt8(ascii: ")") { lo += 1; hi -= 1 }
        else if bytes[lo] == UInt8(ascii: "-") || bytes[lo] == UInt8(ascii: "+") { lo += 1 }
        guard lo < hi else { return (0, 0) }
        // Quick shape check: digits and at most the separators we know.
        var dots = 0, commas = 0, spaces = 0, digits = 0
        for i in lo..<hi {
            switch bytes[i] {
            case 48...57: digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: " "): spaces += 1
            default: return (0, 0)
            }
        }
        guard digits > 0, bytes[lo] != UInt8(ascii: " "), bytes[hi - 1] != UInt8(ascii: " ") else { return (0, 0) }
        // `00105` is a code (an invoice or account number), not the number 105: its zeros matter.
        if bytes[lo] == UInt8(ascii: "0"), lo + 1 < hi, bytes[lo + 1] &- 48 < 10 { return (0, 0) }
        if dots == 0 && commas == 0 && spaces == 0 { return (NumberFormat.allMask, 0) }
        var mask: UInt8 = 0, fraction: UInt8 = 0
        for (k, f) in NumberFormat.candidates.enumerated() {
            if let hasFraction = fits(bytes, lo, hi, f) {
                mask |= 1 << k
                if hasFraction { fraction |= 1 << k }
            }
        }
        return (mask, fraction)
    }

    /// Whether `bytes[lo..<hi]` (no sign) fits `f`; returns whether it has a fraction, or `nil`.
    static func fits(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ f: NumberFormat) -> Bool? {
        var decimalAt = -1
        for i in lo..<hi where b[i] == f.decimalSeparator {
            if decimalAt >= 0 { return nil }
            decimalAt = i
        }
        let intEnd = decimalAt >= 0 ? decimalAt : hi
        if decimalAt >= 0 {
            guard decimalAt + 1 < hi else { return nil }
            for i in (decimalAt + 1)..<hi where !(48...57).contains(b[i]) { return nil }
        }
        // Integer part: plain digits, or 1–3 digits then groups of exactly 3.
        var run = 0, groups = 0
        for i in lo..<intEnd {
            let c = b[i]
            if (48...57).contains(c) { run += 1; continue }
            guard let g = f.groupSeparator, c == g else { return nil }
            if groups == 0 { guard (1...3).contains(run) else { return nil } } else if run != 3 { return nil }
            groups += 1; run = 0
        }
        if groups > 0 && run != 3 { return nil }
        if intEnd == lo && decimalAt < 0 { return nil }
        return decimalAt >= 0
    }

    /// Bounds without surrounding ASCII spaces; `nil` when nothing is left.
    @inline(__always)
    static func trimmedBounds(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 32 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 { hi -= 1 }
        return lo < hi ? (lo, hi) : nil
    }

    /// The exact value of `bytes` in format `f` as a significand and a power-of-ten exponent
    /// (`1.234,56` → (123456, -2)); `nil` when it is not such a number or needs more than 18 digits.
    public static func decimal(_ b: UnsafeBufferPointer<UInt8>, _ f: NumberFormat) -> (significand: Int64, exponent: Int)? {
        guard var (lo, hi) = trimmedBounds(b) else { return nil }
        var negative = false
        if b[lo] == UInt8(ascii: "("), b[hi - 1] == UInt8(ascii: ")") { negative = true; lo += 1; hi -= 1 }
        else if b[lo] == UInt8(ascii: "-") { negative = true; lo += 1 }
        else if b[lo] == UInt8(ascii: "+") { lo += 1 }
        guard lo < hi else { return nil }
        var value: Int64 = 0, exponent = 0, digits = 0, sawDecimal = false
        var run = 0, groups = 0
        for i in lo..<hi {
            let c = b[i]
            if c &- 48 < 10 {
                digits += 1
                guard digits <= 18 else { return nil }
                value = value &* 10 &+ Int64(c &- 48)
                if sawDecimal { exponent -= 1 } else { run += 1 }
            } else if c == f.decimalSeparator, !sawDecimal {
                sawDecimal = true
                if groups > 0 && run != 3 { return nil }
            } else if let g = f.groupSeparator, c == g, !sawDecimal {
                if groups == 0 { guard (1...3).contains(run) else { return nil } } else if run != 3 { return nil }
                groups += 1; run = 0
            } else {
                return nil
            }
        }
        guard digits > 0, !(sawDecimal && exponent == 0) else { return nil }
        if !sawDecimal && groups > 0 && run != 3 { return nil }
        return (negative ? -value : value, exponent)
    }
}
