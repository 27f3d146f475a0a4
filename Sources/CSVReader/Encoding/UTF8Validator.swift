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
            switch sequence(p, i, n) {
            case .valid(let len): i += len
            case .cutOff: return allowTruncatedEnd ? nil : i
            case .invalid: return i
            }
        }
        return nil
    }

    enum Sequence { case valid(Int), cutOff, invalid }

    /// What starts at `i`: a valid sequence and its length (1 for ASCII), one cut off by the end
    /// of the buffer at `n`, or a byte that starts none (a stray byte of another encoding).
    @inline(__always)
    static func sequence(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Sequence {
        let b = p[i]
        if b < 0x80 { return .valid(1) }
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
        default: return .invalid
        }
        for k in 1..<len {
            guard i + k < n else { return .cutOff }
            let c = p[i + k]
            let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
            if c < l || c > h { return .invalid }
        }
        return .valid(len)
    }

    /// The length of the valid sequence at `i`, or `nil` (``sequence(_:_:_:)``).
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        if case .valid(let len) = sequence(p, i, n) { return len }
        return nil
    }

    /// How many multi-byte UTF-8 sequences `s` holds, and how many bytes start none (cut-off
    /// sequences at the end excepted): a file whose text is mostly UTF-8 with a line or two in
    /// another encoding has many of the first and few of the second.
    static func sequenceCounts(_ s: UnsafeBufferPointer<UInt8>) -> (multiByte: Int, invalid: Int) {
        guard let p = s.baseAddress else { return (0, 0) }
        let n = s.count
        var multi = 0, invalid = 0, i = 0
        loop: while i < n {
            if p[i] < 0x80 { i += 1; continue }
            switch sequence(p, i, n) {
            case .valid(let len): multi += 1; i += len
            case .cutOff: break loop
            case .invalid: invalid += 1; i += 1
            }
        }
        return (multi, invalid)
    }

    /// `s` as UTF-8, each byte that starts no valid sequence read as Windows-1252 (`0xE9` → `é`):
    /// a UTF-8 file with a line typed in the old code page.
    static func repairingAsWindows1252(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let p = s.baseAddress else { return }
        let n = s.count
        var i = 0
        var scratch: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        while i < n {
            if let len = sequenceLength(p, i, n) {
                out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: len))
                i += len
                continue
            }
            let b = p[i]
            let scalar = b < 0xA0 ? UInt32(CodePages.cp1252High[Int(b) - 0x80]) : UInt32(b)
            let written = withUnsafeMutableBytes(of: &scratch) {
                Transcoder.writeUTF8(scalar, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            withUnsafeBytes(of: scratch) { out.append(contentsOf: $0.prefix(written)) }
            i += 1
        }
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
