/// One cell's typed value, as a reader delivers it.
///
/// Readers decide the type from what the file says (an XLSX cell type and number format, or a CSV
/// field's text); they never guess business meaning. Numbers are binary floating point because that
/// is what spreadsheets store; code that needs exact money converts through ``CellValue/numberText``,
/// which is the shortest text that round-trips the stored double (`1234.56`, never `1234.5599999`).
public enum CellValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    case time(TimeOfDay)
    /// A duration such as an `[h]:mm` formatted cell, in seconds.
    case duration(Double)
    /// A spreadsheet error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// Whether the cell holds nothing (no value, or text made only of whitespace).
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s):
            // Nearly every text starts with a character that is surely no whitespace (a visible
            // ASCII one, an accented letter): skip the Unicode scan then.
            if let first = s.utf8.first, first.startsVisibleCharacter { return false }
            return s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    /// The text of a `.text` cell, otherwise `nil`.
    public var textValue: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    /// The shortest decimal text that round-trips a `.number` cell (`"1234.56"`, `"-3"`), else `nil`.
    public var numberText: String? {
        guard case .number(let d) = self else { return nil }
        return CellValue.shortestText(d)
    }

    /// Text a person would read in the cell, used for matching headers and for rejects' raw text.
    public var displayText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let d): return CellValue.shortestText(d)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.iso
        case .dateTime(let dt): return dt.iso
        case .time(let t): return t.iso
        case .duration(let s): return CellValue.shortestText(s)
        case .error(let e): return e
        }
    }

    /// A double's shortest round-trip digits without formatting it, when it is a whole number
    /// below 10^15 or a whole number of hundredths below 10^13 (workbook amounts nearly all are):
    /// the value is `±significand × 10^exponent`, exponent 0, -1 or -2, with no trailing zero in
    /// the fraction. Below 10^13 two numbers of hundredths are more than one rounding interval
    /// apart, so the hundredths that round-trip are the shortest digits there are.
    public static func decimalDigits(_ d: Double) -> (negative: Bool, significand: UInt64, exponent: Int)? {
        guard d.isFinite else { return nil }
        if d == d.rounded(), abs(d) < 1e15 { return (d < 0, UInt64(abs(d)), 0) }
        guard abs(d) < 1e13 else { return nil }
        let scaled = (d * 100).rounded()
        guard scaled / 100 == d else { return nil }
        let cents = UInt64(abs(scaled))
        return cents % 10 == 0 ? (d < 0, cents / 10, -1) : (d < 0, cents, -2)
    }

    /// Integral doubles print without a fraction (`3`, not `3.0`); others use Swift's shortest
    /// round-trip representation, switched from exponent form to plain digits.
    public static func shortestText(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "\(d)" }
        if let (negative, significand, exponent) = decimalDigits(d) {
            var digits = String(significand)
            if exponent < 0 {
                if digits.utf8.count <= -exponent { digits = String(repeating: "0", count: -exponent - digits.utf8.count + 1) + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: exponent))
            }
            // `-0.0` prints as `0`, as a whole number.
            return negative && significand != 0 ? "-" + digits : digits
        }
        let s = "\(d)"
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        // Expand exponent notation (e.g. 1.5e-05) into plain decimal digits.
        let mantissa = String(s[..<e]), exponent = Int(s[s.index(after: e)...]) ?? 0
        let negative = mantissa.hasPrefix("-")
        let digitsPart = negative ? String(mantissa.dropFirst()) : mantissa
        let parts = digitsPart.split(separator: ".", omittingEmptySubsequences: false)
        let intDigits = String(parts[0]), fracDigits = parts.count > 1 ? String(parts[1]) : ""
        var digits = intDigits + fracDigits
        var point = intDigits.count + exponent
        if point <= 0 { digits = String(repeating: "0", count: -point + 1) + digits; point = 1 }
        if point >= digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var out = String(digits.prefix(point))
        let frac = digits.dropFirst(point)
        if !frac.isEmpty { out += "." + frac }
        while out.hasPrefix("0"), out.count > 1, !out.hasPrefix("0.") { out.removeFirst() }
        return (negative ? "-" : "") + out
    }
}
