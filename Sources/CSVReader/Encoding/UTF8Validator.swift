/// UTF-8 validation with an ASCII fast path (eight bytes at a time).
enum UTF8Validator {
    /// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    /// With `allowTruncatedEnd`, a sequence cut off by the end of the buffer is accepted.
    static func isValid(_ s: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        firstInvalid(s, allowTruncatedEnd: allowTruncatedEnd) == nil
    }

    /// The offset of the first byte that starts an invalid sequence, or `nil`.
    static func firstInvalid(_ s: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Int? {
        guard let p = s.baseAddress else { return nil }
        let n = s.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            for k in 1..<len {
                guard i + k < n else { return allowTruncatedEnd ? nil : i }
                let c = p[i + k]
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if c < l || c > h { return i }
            }
            i += len
        }
        return nil
    }

    /// The offset of the first byte above 0x7F, or `nil` for ASCII (eight bytes at a time).
    static func firstNonASCII(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = s.baseAddress else { return nil }
        var i = 0
        while i + 8 <= s.count {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < s.count { if p[i] >= 0x80 { return i }; i += 1 }
        return nil
    }
}
