/// Numbers and cell references parsed straight from the XML's bytes, without building strings.
enum ByteParsing {
    private static let powersOf10: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// A decimal number such as `-12.5`, `45467` or `1.5E-3`. Short plain decimals take an exact
    /// fast path (integer mantissa below 2^53 divided by an exact power of ten, which IEEE
    /// division rounds correctly); anything else goes to the C library's `strtod` via `Double(_:)`.
    @inline(__always)
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        guard n > 0 else { return nil }
        var i = 0, negative = false
        if b[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if b[0] == UInt8(ascii: "+") { i = 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, sawDot = false, sawDigit = false, fast = true
        while i < n {
            let c = b[i]
            if c &- UInt8(ascii: "0") < 10 {
                if digits >= 18 { fast = false; break }
                mantissa = mantissa * 10 + UInt64(c &- UInt8(ascii: "0"))
                sawDigit = true
                if mantissa > 0 { digits += 1 }
                if sawDot { fraction += 1 }
            } else if c == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                fast = false
                break
            }
            i += 1
        }
        if fast, sawDigit, mantissa < (1 << 53), fraction <= 22 {
            let v = Double(mantissa) / powersOf10[fraction]
            return negative ? -v : v
        }
        return slowDouble(b)
    }

    private static func slowDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var s = String(decoding: b, as: UTF8.self)
        s = s.trimmingSpaces()
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Double(_:) accepts "nan", "inf" and hex floats, which are not spreadsheet numbers.
        guard s.utf8.allSatisfy({ ($0 &- UInt8(ascii: "0") < 10) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                                || $0 == UInt8(ascii: "+") || $0 | 0x20 == UInt8(ascii: "e") }) else { return nil }
        return Double(s)
    }

    /// A non-negative integer (shared-string index, style index, row number); `nil` when not digits.
    @inline(__always)
    static func int(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var v = 0
        for c in b {
            let d = c &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// A cell reference's column and row (`AB12` → (28, 12)); row 0 when the digits are missing.
    @inline(__always)
    static func cellReference(_ b: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var i = 0, column = 0, row = 0
        let n = b.count
        while i < n, b[i] == UInt8(ascii: "$") { i += 1 }
        while i < n {
            let l = (b[i] | 0x20) &- UInt8(ascii: "a")
            guard l < 26 else { break }
            column = column * 26 + Int(l) + 1
            if column > 16_384 { return nil }
            i += 1
        }
        guard column > 0 else { return nil }
        while i < n, b[i] == UInt8(ascii: "$") { i += 1 }
        while i < n {
            let d = b[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            row = row * 10 + Int(d)
            if row > 1_048_576 { return nil }
            i += 1
        }
        return (column, row)
    }
}

extension String {
    func trimmingSpaces() -> String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) ?? first
        return String(self[first...last])
    }
}
