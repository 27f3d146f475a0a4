import Foundation

/// Plain text of a `Decimal` without going through `Decimal.description`, which divides the
/// mantissa word by word and costs more than the rest of writing an amount.
///
/// Foundation keeps `Decimal`'s sign, exponent and mantissa internal, so this reads them from the
/// value's 20 bytes (exponent; length and flags; reserved; eight 16-bit mantissa words). That layout
/// is checked once against `description` on probe values; if it ever differs (another Foundation),
/// ``parts(_:)`` returns `nil` and callers use `description`. Only mantissas that fit 64 bits take
/// this path; amounts never come near that.
enum DecimalText {
    typealias Parts = DecimalParts

    static func parts(_ value: Decimal) -> Parts? {
        guard layoutIsKnown else { return nil }
        return read(value)
    }

    /// `description`'s text: digits with a `.` placed by the exponent, `-` when negative.
    static func text(_ p: Parts) -> String {
        var bytes: [UInt8] = []
        append(p, minimumScale: 0, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``text(_:)`` padded with zeros to at least `minimumScale` fraction digits, appended to
    /// `bytes` (``Money/plainText``).
    static func append(_ p: Parts, minimumScale: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: textBound(p, minimumScale: minimumScale)) { scratch in
            let count = write(p, minimumScale: minimumScale, at: scratch.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
        }
    }

    /// The most bytes ``write(_:minimumScale:at:)`` writes for `p`: a sign, two runs of digits,
    /// the zeros its exponent calls for, a point and the padding.
    static func textBound(_ p: Parts, minimumScale: Int) -> Int {
        4 + 2 * DecimalDigits.maxWidth + abs(Int(p.exponent)) + max(minimumScale, 0)
    }

    /// ``append(_:minimumScale:to:)``'s bytes written at `out`, which has room for
    /// ``textBound(_:minimumScale:)`` of them; returns how many it wrote.
    static func write(_ p: Parts, minimumScale: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        func put(_ byte: UInt8) { out[i] = byte; i += 1 }
        func zeros(_ count: Int) { for _ in 0..<max(count, 0) { put(UInt8(ascii: "0")) } }
        func digits(_ n: UInt64, width: Int = 1) { i += DecimalDigits.write(n, width: width, at: out + i) }
        if p.negative && p.significand != 0 { put(UInt8(ascii: "-")) }
        var scale = 0
        if p.significand == 0 {
            put(UInt8(ascii: "0"))  // whatever the exponent
        } else if p.exponent >= 0 {
            digits(p.significand)
            zeros(Int(p.exponent))
        } else {
            scale = -Int(p.exponent)
            if scale < powersOfTen.count {
                // Whole part (`0` when there is none), point, fraction padded to the scale.
                digits(p.significand / powersOfTen[scale])
                put(UInt8(ascii: "."))
                digits(p.significand % powersOfTen[scale], width: scale)
            } else {
                // Past 10^19 every significand is all fraction.
                var count = 1, v = p.significand
                while v >= 10 { v /= 10; count += 1 }
                put(UInt8(ascii: "0")); put(UInt8(ascii: "."))
                zeros(scale - count)
                digits(p.significand)
            }
        }
        if minimumScale > scale {
            if scale == 0 { put(UInt8(ascii: ".")) }
            zeros(minimumScale - scale)
        }
        return i
    }

    /// 10^0 … 10^19, the powers a 64-bit significand divides by.
    static let powersOfTen: [UInt64] = (0...19).map { (0..<$0).reduce(UInt64(1)) { r, _ in r * 10 } }

    private static func read(_ value: Decimal) -> Parts? {
        withUnsafeBytes(of: value) { raw -> Parts? in
            guard raw.count == 20 else { return nil }
            let flags = raw[1]
            let length = Int(flags >> 4)
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                significand = significand << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
            }
            return Parts(negative: flags & 0x08 != 0, exponent: Int(Int8(bitPattern: raw[0])), significand: significand)
        }
    }

    /// Whether reading the bytes gives back exactly what `description` says, on values of every shape.
    private static let layoutIsKnown: Bool = {
        let probes = ["0", "5", "-5", "0.001", "-1234.56", "18.00", "1234567890123.4567", "-0.5", "5000",
                      "18446744073709551615", "65536", "-4294967296.25"]
        for text in probes {
            guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  let p = read(d), Self.text(p) == d.description else { return false }
        }
        return true
    }()
}
