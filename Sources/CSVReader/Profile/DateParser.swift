import Tabular

/// The order of day, month and year in a numeric date.
public enum DateOrder: String, Hashable, Sendable, CaseIterable, Codable {
    case ymd = "YMD", dmy = "DMY", mdy = "MDY"

    var bit: UInt8 {
        switch self { case .ymd: return 1; case .dmy: return 2; case .mdy: return 4 }
    }

    /// Orders in a mask, in the order of preference when several fit every value (DMY before MDY:
    /// Consolida's users write day first; an override settles a US file).
    static func orders(in mask: UInt8) -> [DateOrder] { [.ymd, .dmy, .mdy].filter { mask & $0.bit != 0 } }
}

/// Numeric dates (`2024-03-05`, `05/03/2024`, `3.5.24`), optionally followed by a time, parsed from UTF-8 bytes.
public enum DateParser {
    /// The orders in which `bytes` is a real calendar date (bits of ``DateOrder``), and whether a time follows.
    public static func orderMask(_ b: UnsafeBufferPointer<UInt8>) -> (mask: UInt8, hasTime: Bool) {
        guard let p = parts(b) else { return (0, false) }
        var mask: UInt8 = 0
        for order in DateOrder.allCases where date(p, order) != nil { mask |= order.bit }
        return (mask, p.timeStart != nil)
    }

    /// The date in `bytes` read in `order`, ignoring any time part.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>, order: DateOrder) -> LocalDate? {
        guard let p = parts(b) else { return nil }
        return date(p, order)
    }

    struct Parts { var a: Int, b: Int, c: Int, aDigits: Int, cDigits: Int, timeStart: Int? }

    static func parts(_ s: UnsafeBufferPointer<UInt8>) -> Parts? {
        var n = s.count
        while n > 0, s[n - 1] == 32 { n -= 1 }
        var i = 0
        while i < n, s[i] == 32 { i += 1 }
        var values = (0, 0, 0), counts = (0, 0, 0)
        var sep: UInt8 = 0
        for k in 0..<3 {
            var v = 0, d = 0
            while i < n, s[i] &- 48 < 10, d < 5 { v = v * 10 + Int(s[i] &- 48); d += 1; i += 1 }
            guard d > 0 else { return nil }
            switch k { case 0: values.0 = v; counts.0 = d; case 1: values.1 = v; counts.1 = d; default: values.2 = v; counts.2 = d }
            if k < 2 {
                guard i < n else { return nil }
                let c = s[i]
                guard c == UInt8(ascii: "/") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return nil }
                if k == 0 { sep = c } else if c != sep { return nil }
                i += 1
            }
        }
        guard counts.1 <= 2 else { return nil }
        var timeStart: Int?
        if i < n {
            // A time may follow after a space or `T`: `2024-03-05 10:30`, `2024-03-05T10:30:00`.
            guard s[i] == 32 || s[i] == UInt8(ascii: "T"), i + 1 < n, s[i + 1] &- 48 < 10 else { return nil }
            for j in (i + 1)..<n {
                let c = s[j]
                guard c &- 48 < 10 || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == 32
                        || c == UInt8(ascii: "Z") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                        || c == UInt8(ascii: "A") || c == UInt8(ascii: "P") || c == UInt8(ascii: "M") else { return nil }
            }
            timeStart = i + 1
        }
        return Parts(a: values.0, b: values.1, c: values.2, aDigits: counts.0, cDigits: counts.2, timeStart: timeStart)
    }

    static func date(_ p: Parts, _ order: DateOrder) -> LocalDate? {
        switch order {
        case .ymd:
            guard p.aDigits == 4, p.cDigits <= 2 else { return nil }
            return LocalDate(year: p.a, month: p.b, day: p.c)
        case .dmy, .mdy:
            guard p.aDigits <= 2, p.cDigits == 4 || p.cDigits == 2 else { return nil }
            let year = p.cDigits == 2 ? (p.c < 70 ? 2000 + p.c : 1900 + p.c) : p.c
            return order == .dmy ? LocalDate(year: year, month: p.b, day: p.a) : LocalDate(year: year, month: p.a, day: p.b)
        }
    }
}
