/// UTF-16 or UTF-32 text without a byte-order mark, told by its zero bytes: text that is mostly
/// ASCII or Latin has a zero at the same places of every code unit. Shared by the CSV reader's
/// encoding detection and the notes reader's decoding, so both read such a file alike.
public enum ZeroBytePattern: Sendable, Equatable {
    case utf16LE, utf16BE, utf32LE, utf32BE

    /// The pattern of the first bytes of a file (at most 8 KiB are looked at), or `nil`.
    public static func detect(_ s: UnsafeBufferPointer<UInt8>) -> ZeroBytePattern? {
        let n = min(s.count, 8192) & ~3
        guard n >= 4 else {
            if n == 0, s.count >= 2 {
                if s[0] == 0, s[1] != 0 { return .utf16BE }
                if s[0] != 0, s[1] == 0 { return .utf16LE }
            }
            return nil
        }
        var zeros = [Int](repeating: 0, count: 4)
        for i in 0..<n where s[i] == 0 { zeros[i & 3] += 1 }
        let units = n / 4
        func share(_ k: Int) -> Double { Double(zeros[k]) / Double(units) }
        if share(1) > 0.9, share(2) > 0.9, share(3) > 0.9, share(0) < 0.5 { return .utf32LE }
        if share(0) > 0.9, share(1) > 0.9, share(2) > 0.9, share(3) < 0.5 { return .utf32BE }
        let even = (share(0) + share(2)) / 2, odd = (share(1) + share(3)) / 2
        if odd > 0.4, even < 0.05 { return .utf16LE }
        if even > 0.4, odd < 0.05 { return .utf16BE }
        return nil
    }
}
