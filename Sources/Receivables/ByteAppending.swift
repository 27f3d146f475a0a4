/// Numbers and text appended to a byte buffer without building a `String` first: the writers of
/// millions of IDs, dates and amounts (``RecordID``, ``DecimalText``, `consolida import`'s CSV rows).
extension Array where Element == UInt8 {
    /// `n` in decimal: `-12`, `0`, `2024`.
    public mutating func appendDecimal(_ n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(n.magnitude))
    }

    /// The decimal digits of `n`, zero-padded on the left to at least `width` (at most 40) digits:
    /// `appendDigits(3, width: 2)` appends `03`.
    public mutating func appendDigits(_ n: UInt64, width: Int = 1) {
        // One or two digits (a month, a day, most row suffixes): no scratch space needed.
        if n < 100 && width <= 2 {
            if n >= 10 || width == 2 { append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n / 10)) }
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n % 10))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalDigits.maxWidth) { scratch in
            let count = DecimalDigits.write(n, width: width, at: scratch.baseAddress!)
            append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    /// `count` zero digits.
    public mutating func appendZeros(_ count: Int) {
        for _ in 0..<Swift.max(count, 0) { append(UInt8(ascii: "0")) }
    }

    /// The UTF-8 bytes of `text`, copied in one step (appending `text.utf8` goes byte by byte for
    /// short strings, which keep their bytes inline).
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

/// Decimal digits written through a pointer, for writers that make room for a whole row at once
/// (`consolida import`'s rows) and for ``Swift/Array/appendDigits(_:width:)``.
public enum DecimalDigits {
    /// The most bytes ``write(_:width:at:)`` writes: widths are capped there.
    public static let maxWidth = 40

    /// Writes `n`'s digits zero-padded on the left to at least `width` (at most ``maxWidth``)
    /// digits at `p`; returns how many bytes it wrote.
    public static func write(_ n: UInt64, width: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1, v = n
        while v >= 100 { v /= 100; count += 2 }
        if v >= 10 { count += 1 }
        let total = Swift.min(Swift.max(count, width), maxWidth)
        // Two digits at a time from the table: a row of `consolida import` writes a dozen numbers.
        let pairs = digitPairs.utf8Start
        var i = total, rest = n
        while rest >= 100 {
            let pair = Int(truncatingIfNeeded: rest % 100) * 2
            rest /= 100
            i -= 2; p[i] = pairs[pair]; p[i + 1] = pairs[pair + 1]
        }
        if rest >= 10 {
            let pair = Int(truncatingIfNeeded: rest) * 2
            i -= 2; p[i] = pairs[pair]; p[i + 1] = pairs[pair + 1]
        } else {
            i -= 1; p[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
        }
        while i > 0 { i -= 1; p[i] = UInt8(ascii: "0") }
        return total
    }

    /// `00` to `99`, each two digits.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}
