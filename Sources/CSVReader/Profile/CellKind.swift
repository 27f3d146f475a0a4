/// A coarse reading of one cell's text, used by dialect detection to tell a sensible split of a
/// line (cells that look like numbers, dates, words) from a wrong one (cells full of stray
/// separators and quotes), as CleverCSV's type score does.
enum CellKind {
    /// Whether `cell` looks like a value of a known kind: empty, a number, a date or time, a URL or
    /// e-mail, or words made of letters, digits and ordinary punctuation. `delimiter` is the candidate
    /// delimiter: a cell containing it was quoted on purpose, so it counts as known text.
    static func isKnown(_ cell: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8?) -> Bool {
        guard let (lo, hi) = NumberParser.trimmedBounds(cell) else { return true }
        // `a, "b"`: a value quoted after the space that follows the delimiter is a quoted value
        // (csv.Sniffer's skipinitialspace), whatever is inside it.
        if let quote, lo > 0, hi - lo >= 2, cell[lo] == quote, cell[hi - 1] == quote { return true }
        if NumberParser.formatMask(cell).mask != 0 { return true }
        if DateParser.orderMask(cell).mask != 0 { return true }
        let first = cell[lo], last = cell[hi - 1]
        // A cell wrapped in quote characters was split with the wrong quote (or none).
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return false }
        if hi - lo >= 2, last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") { return false }
        // JSON objects and arrays are values of their own.
        if (first == UInt8(ascii: "{") && last == UInt8(ascii: "}")) || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]")) {
            return true
        }
        var hasSpecial = false, hasLetterOrDigit = false, containsDelimiter = false
        var colons = 0, at = 0
        for i in lo..<hi {
            let c = cell[i]
            switch c {
            case 48...57, 65...90, 97...122, 0x80...0xFF:
                hasLetterOrDigit = true
            case 32, UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "'"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "!"),
                 UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "="),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
                break
            case UInt8(ascii: ":"): colons += 1
            case UInt8(ascii: "@"): at += 1
            default:
                if c == delimiter { containsDelimiter = true } else { hasSpecial = true }
            }
        }
        if containsDelimiter { return true }
        if hasSpecial { return false }
        if colons > 0 {
            // Times (12:30:05) and URLs (https://…) have colons; other text with colons is suspect.
            return isTime(cell, lo, hi) || isURL(cell, lo, hi)
        }
        if at > 0 { return at == 1 }
        return hasLetterOrDigit
    }

    static func isTime(_ c: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var digits = 0
        for i in lo..<hi {
            let b = c[i]
            if b &- 48 < 10 { digits += 1 } else if !(b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == 32
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "Z") || b == UInt8(ascii: "T")
                || b == UInt8(ascii: "A") || b == UInt8(ascii: "P") || b == UInt8(ascii: "M")) { return false }
        }
        return digits >= 3
    }

    static func isURL(_ c: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        let text = String(decoding: UnsafeBufferPointer(rebasing: c[lo..<hi]), as: UTF8.self).lowercased()
        return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("ftp://")
            || text.hasPrefix("mailto:")
    }
}
