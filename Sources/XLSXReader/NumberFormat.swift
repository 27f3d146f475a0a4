/// How a number format makes Excel show a number: as itself, as a date/time, or as a duration.
public enum NumberFormatKind: UInt8, Hashable, Sendable {
    case general
    /// Dates and date-times: the value is a serial day count.
    case dateTime
    /// A time of day only (`h:mm`, `mm:ss`): a fraction below 1 is a time, even in 1904 workbooks.
    case time
    /// Elapsed time (`[h]:mm:ss`): the value is a number of days, shown without wrapping at 24 h.
    case duration

    /// Excel's built-in format IDs that show dates or times (the 27–36 and 50–58 ranges are the
    /// East Asian locale date formats), and 46, `[h]:mm:ss`.
    public static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 46: return .duration
        case 18...21, 45, 47: return .time
        case 14...17, 22, 27...36, 50...58: return .dateTime
        default: return .general
        }
    }

    /// Classifies a custom format code by its first section: date/time tokens (`d m y h s`,
    /// `AM/PM`, `A/P`) count only outside quotes, `[...]` brackets, and `\`, `_`, `*` escapes; a bracket
    /// holding only `h`, `m` or `s` letters (`[h]`, `[mm]`) makes it a duration.
    public static func classify(_ code: String) -> NumberFormatKind {
        let b = Array(code.utf8)
        if b.count == 7, code.lowercased() == "general" { return .general }
        var i = 0
        var dateLike = false
        // Whether a token only a date has (d, y, or an m that is not minutes) appeared.
        var dayPart = false
        var lastTimeToken: UInt8 = 0
        var pendingM = false
        scan: while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 2
                continue
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") { i += 1 }
            case UInt8(ascii: "["):
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "]") { j += 1 }
                let inside = b[min(i + 1, b.count)..<min(j, b.count)].map { $0 | 0x20 }
                if let f = inside.first, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(f),
                   inside.allSatisfy({ $0 == f }) {
                    return .duration
                }
                i = j
            case UInt8(ascii: ";"):
                break scan  // only the first section (positive numbers) decides
            case UInt8(ascii: "a"), UInt8(ascii: "A"):
                // `AM/PM` and `A/P` show which half of the day a time falls in: time tokens.
                let rest = b[i...].prefix(5).map { $0 | 0x20 }
                if rest.starts(with: Array("am/pm".utf8)) { dateLike = true; i += 5; continue }
                if rest.starts(with: Array("a/p".utf8)) { dateLike = true; i += 3; continue }
            default:
                switch c | 0x20 {
                case UInt8(ascii: "d"), UInt8(ascii: "y"):
                    dateLike = true; dayPart = true
                case UInt8(ascii: "h"):
                    dateLike = true; lastTimeToken = UInt8(ascii: "h")
                    if pendingM { dayPart = true; pendingM = false }
                case UInt8(ascii: "s"):
                    dateLike = true; lastTimeToken = UInt8(ascii: "s")
                    pendingM = false  // `mm:ss`: the m was minutes
                case UInt8(ascii: "m"):
                    dateLike = true
                    // Minutes right after hours (`h:mm`); otherwise decided by a following `s`.
                    if lastTimeToken != UInt8(ascii: "h") && !pendingM { pendingM = true }
                    while i + 1 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "m") { i += 1 }
                default:
                    break
                }
            }
            i += 1
        }
        guard dateLike else { return .general }
        // An `m` neither after hours nor before seconds is a month.
        return dayPart || pendingM ? .dateTime : .time
    }
}

/// The currency a custom number format shows beside its numbers, as written in the format: what a
/// workbook says of amounts typed as bare numbers into cells formatted `"Bs." #,##0.00`,
/// `[$USD] #,##0.00`, `[$R$-416] #,##0.00` or `#,##0.00 €`. The reader hands the mark on; what
/// currency it names (`Bs.` is VES in Venezuela, BOB in Bolivia) is the mapping's to decide.
///
/// Only the first section (positive numbers) is read. A mark is: the text of a `[$…]` locale
/// bracket before its `-LCID` (`[$-409]`, a locale alone, names none; a bare `$` with a known
/// Latin American or US locale is that country's code); a quoted literal holding no digit
/// (`"Bs."`, `"USD "`); or a currency sign outside quotes (`$`, `€`, `£`, `¥`).
public enum NumberFormatCurrency {
    public static func mark(in code: String) -> String? {
        let b = Array(code.utf8)
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                // An escaped character is shown as it is: `\$` is a dollar sign.
                if b[i] == UInt8(ascii: "\\"), i + 1 < b.count, let sign = sign(b, at: i + 1) { return sign }
                i += 2
                continue
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "\"") { j += 1 }
                let literal = String(decoding: b[min(i + 1, b.count)..<min(j, b.count)], as: UTF8.self).trimmingSpaces()
                if !literal.isEmpty, !literal.contains(where: \.isNumber) { return literal }
                i = j
            case UInt8(ascii: "["):
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "]") { j += 1 }
                let inside = String(decoding: b[min(i + 1, b.count)..<min(j, b.count)], as: UTF8.self)
                if inside.hasPrefix("$") { if let mark = bracketMark(inside.dropFirst()) { return mark } }
                i = j
            case UInt8(ascii: ";"):
                return nil
            default:
                if let sign = sign(b, at: i) { return sign }
            }
            i += 1
        }
        return nil
    }

    /// `USD`, `R$-416`, `$-80A`, `-409`: the text before the locale; a lone `$` by its locale.
    private static func bracketMark(_ inside: Substring) -> String? {
        let parts = inside.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let text = parts.first.map { String($0).trimmingSpaces() } ?? ""
        guard !text.isEmpty else { return nil }
        if text == "$", parts.count == 2, let code = dollarLocales[parts[1].uppercased()] { return code }
        // `[$Bs-400A]`: Bolivia's locale says its `Bs` is the boliviano, not Venezuela's bolívar.
        if parts.count == 2, parts[1].uppercased() == "400A", ["bs", "bs."].contains(text.lowercased()) { return "BOB" }
        return text
    }

    /// Windows locale IDs whose `$` is not ambiguous, to their currency codes.
    private static let dollarLocales: [String: String] = [
        "409": "USD", "80A": "MXN", "2C0A": "ARS", "340A": "CLP", "240A": "COP", "380A": "UYU",
        "300A": "USD", "440A": "USD", "540A": "USD", "1C0A": "DOP", "1009": "CAD", "C09": "AUD",
    ]

    /// A currency sign at byte `i`: `$`, `€` (E2 82 AC), `£` (C2 A3), `¥` (C2 A5).
    private static func sign(_ b: [UInt8], at i: Int) -> String? {
        if b[i] == UInt8(ascii: "$") { return "$" }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x82, b[i + 2] == 0xAC { return "€" }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA3 { return "£" }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA5 { return "¥" }
        return nil
    }
}

/// The text a zero-padding number format shows a whole number as: `00000` shows 102 as `00102`,
/// `"FAC-"0000` as `FAC-0102`. Document numbers and cédulas are often typed as numbers into such
/// cells; the padded text is what the sheet shows and what other sources write, so it is what
/// matching needs. Formats with anything else (`#,##0`, decimals, dates) show no padding.
public struct NumberFormatPadding: Hashable, Sendable {
    public var prefix: String
    public var width: Int
    public var suffix: String

    /// The padding of a custom format code (first section only), when it is zeros and literals.
    public init?(code: String) {
        let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var prefix = "", suffix = "", zeros = 0
        var chars = Array(section)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            var literal: String?
            if c == "0" {
                guard suffix.isEmpty else { return nil }  // zeros in one run
                zeros += 1
                continue
            } else if c == "\"" {
                guard let end = chars.firstIndex(of: "\"") else { return nil }
                literal = String(chars[..<end]); chars = chars[(end + 1)...]
            } else if c == "\\", let next = chars.first {
                literal = String(next); chars = chars.dropFirst()
            } else {
                return nil
            }
            if zeros == 0 { prefix += literal ?? "" } else { suffix += literal ?? "" }
        }
        // A single `0` pads nothing: it is the General-like "show the integer" format.
        guard zeros >= 2 || !prefix.isEmpty || !suffix.isEmpty, zeros >= 1 else { return nil }
        self.prefix = prefix; width = zeros; self.suffix = suffix
    }

    /// The text shown for `value`, when it is a whole number the format pads; `nil` otherwise.
    public func text(_ value: Double) -> String? {
        guard value.isFinite, value >= 0, value < 1e15, value == value.rounded(.down) else { return nil }
        let digits = String(Int64(value))
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
    }
}

/// What a custom number format shows beside a number's value, for the mapping to read: the
/// currency mark (``NumberFormatCurrency``) and the zero padding (``NumberFormatPadding``). `nil`
/// from ``init(code:)`` for a format that shows neither, as most do.
struct NumberFormatExtras: Hashable, Sendable {
    var currency: String?
    var padding: NumberFormatPadding?

    init?(code: String) {
        currency = NumberFormatCurrency.mark(in: code)
        padding = NumberFormatPadding(code: code)
        if currency == nil && padding == nil { return nil }
    }
}
