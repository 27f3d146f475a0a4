#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming decoding of the multi-byte East Asian code pages through the C library's iconv
/// (glibc ships Shift_JIS and GB18030). A sequence cut by the end of a chunk is carried over; an
/// invalid byte becomes U+FFFD and decoding goes on.
final class IconvDecoder: @unchecked Sendable {
    // @unchecked: the handle is used by one Transcoder at a time (a reader is not shared).
    private let handle: iconv_t?
    private var carry: [UInt8] = []

    init(from name: String) {
        let h = iconv_open("UTF-8", name)
        handle = h == iconv_t(bitPattern: -1) ? nil : h
    }

    deinit { if let handle { iconv_close(handle) } }

    /// Decodes `input` (after any carried bytes) into `out`; returns the bytes written.
    func decode(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, capacity: Int, isLast: Bool) -> Int {
        var bytes = carry
        bytes.append(contentsOf: input)
        carry.removeAll(keepingCapacity: true)
        guard let handle else {
            // No converter on this system: keep ASCII, replace the rest.
            var o = 0
            for b in bytes where o + 3 <= capacity { o += Transcoder.writeUTF8(b < 0x80 ? UInt32(b) : 0xFFFD, out + o) }
            return o
        }
        var written = 0
        bytes.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            var inLeft = buf.count
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity
            while inLeft > 0 {
                let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                if r != -1 { break }
                let err = errno
                if err == EINVAL && !isLast {
                    // An incomplete sequence at the end of the chunk: keep it for the next call.
                    if let p = inPtr { carry = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: inLeft)) }
                    break
                }
                if err == E2BIG || outLeft < 3 { break }
                // An invalid byte (or an incomplete one at the very end): U+FFFD, then go on.
                if let o = outPtr {
                    let n = Transcoder.writeUTF8(0xFFFD, UnsafeMutableRawPointer(o).assumingMemoryBound(to: UInt8.self))
                    outPtr = o + n; outLeft -= n
                }
                inPtr = inPtr.map { $0 + 1 }; inLeft -= 1
            }
            written = capacity - outLeft
        }
        return written
    }
}

/// Recognizes Shift_JIS and GB2312 text by the structure of its double-byte characters.
enum EastAsianDetector {
    /// Shift_JIS: every high byte forms a valid character and most double-byte characters have a
    /// lead byte in 0x81–0x9F (kana and common kanji), which Western code pages rarely produce.
    static func looksShiftJIS(_ s: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var i = 0, doubles = 0, lowLeads = 0
        while i < s.count {
            let b = s[i]
            if b < 0x80 || (0xA1...0xDF).contains(b) { i += 1; continue }
            guard (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) else { return false }
            guard i + 1 < s.count else { return allowTruncatedEnd && doubles >= 10 && lowLeads * 2 >= doubles }
            let t = s[i + 1]
            guard (0x40...0x7E).contains(t) || (0x80...0xFC).contains(t) else { return false }
            doubles += 1
            if b <= 0x9F { lowLeads += 1 }
            i += 2
        }
        return doubles >= 10 && lowLeads * 2 >= doubles
    }

    /// GB2312 (EUC-CN): every high byte is half of a pair with both bytes in 0xA1–0xFE.
    static func looksGB2312(_ s: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var i = 0, pairs = 0
        while i < s.count {
            let b = s[i]
            if b < 0x80 { i += 1; continue }
            guard (0xA1...0xF7).contains(b) else { return false }
            guard i + 1 < s.count else { return allowTruncatedEnd && pairs >= 10 }
            guard (0xA1...0xFE).contains(s[i + 1]) else { return false }
            pairs += 1
            i += 2
        }
        return pairs >= 10
    }
}
