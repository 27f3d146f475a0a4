/// OOXML's `_xHHHH_` escapes: characters XML cannot carry (controls, and `_x` itself as
/// `_x005F_`) are written as a UTF-16 code unit in hex between `_x` and `_`. Excel decodes them.
enum EscapedText {
    /// Decodes the escapes in `bytes[start...]` in place (the decoded form is never longer).
    static func decode(_ bytes: inout [UInt8], from start: Int = 0) {
        guard let first = firstEscape(bytes, from: start) else { return }
        var read = first, write = first
        var pendingHigh: UInt16?
        let n = bytes.count
        while read < n {
            if let unit = unitAt(bytes, read) {
                read += 7
                if (0xD800...0xDBFF).contains(unit) {
                    if let h = pendingHigh { write = emitScalar(&bytes, write, UInt32(h)) }  // unpaired: keep as U+FFFD
                    pendingHigh = unit
                    continue
                }
                if (0xDC00...0xDFFF).contains(unit), let h = pendingHigh {
                    let scalar = 0x10000 + ((UInt32(h) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                    write = emitScalar(&bytes, write, scalar)
                    pendingHigh = nil
                    continue
                }
                if let h = pendingHigh { write = emitScalar(&bytes, write, UInt32(h)); pendingHigh = nil }
                write = emitScalar(&bytes, write, UInt32(unit))
            } else {
                if let h = pendingHigh { write = emitScalar(&bytes, write, UInt32(h)); pendingHigh = nil }
                bytes[write] = bytes[read]
                write += 1; read += 1
            }
        }
        if let h = pendingHigh { write = emitScalar(&bytes, write, UInt32(h)) }
        bytes.removeLast(n - write)
    }

    @inline(__always)
    static func firstEscape(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 6 < b.count {
            if b[i] == UInt8(ascii: "_"), b[i + 1] == UInt8(ascii: "x"), unitAt(b, i) != nil { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    static func unitAt(_ b: [UInt8], _ i: Int) -> UInt16? {
        guard i + 6 < b.count, b[i] == UInt8(ascii: "_"), b[i + 1] == UInt8(ascii: "x"), b[i + 6] == UInt8(ascii: "_") else { return nil }
        var v: UInt16 = 0
        for k in 2..<6 {
            guard let h = PackagePath.hexValue(b[i + k]) else { return nil }
            v = v << 4 | UInt16(h)
        }
        return v
    }

    /// Writes a scalar as UTF-8 at `at` (surrogates and invalid values become U+FFFD).
    private static func emitScalar(_ b: inout [UInt8], _ at: Int, _ value: UInt32) -> Int {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        var w = at
        for unit in UTF8.encode(scalar) ?? UTF8.encode("\u{FFFD}")! {
            b[w] = unit; w += 1
        }
        return w
    }
}
