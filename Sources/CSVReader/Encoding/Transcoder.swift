/// Streaming conversion of one encoding's bytes to UTF-8, chunk by chunk.
///
/// A code unit split between two chunks is carried over to the next call. UTF-8 input is not
/// copied at all: callers parse it in place (see ``passesThrough``). Unpaired surrogates and
/// code points beyond U+10FFFF become U+FFFD, so decoding never fails.
public struct Transcoder: Sendable {
    public let encoding: TextEncoding
    private var carry: [UInt8] = []
    /// A high surrogate waiting for its low half (UTF-16).
    private var pendingHigh: UInt32 = 0
    /// The converter for code pages decoded by the C library.
    private let iconv: IconvDecoder?

    public init(encoding: TextEncoding) {
        self.encoding = encoding
        switch encoding {
        case .shiftJIS: iconv = IconvDecoder(from: "SHIFT_JIS")
        case .gb18030: iconv = IconvDecoder(from: "GB18030")
        default: iconv = nil
        }
    }

    /// Whether input bytes are already UTF-8 and can be parsed without conversion.
    public var passesThrough: Bool { encoding == .utf8 }

    /// The output capacity that always suffices for `inputCount` input bytes (plus the carry).
    public static func maxOutput(forInput inputCount: Int) -> Int { inputCount * 3 + 64 }

    /// Converts `input` into `output` (which must hold ``maxOutput(forInput:)`` bytes) and returns
    /// how many bytes it wrote. `isLast` flushes a dangling partial unit as U+FFFD.
    public mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
                                   isLast: Bool = false) -> Int {
        switch encoding {
        case .utf8:
            guard let base = input.baseAddress else { return 0 }
            output.update(from: base, count: input.count)
            return input.count
        case .windows1252:
            return windows1252(input, output, isLast: isLast)
        case .iso88591, .windows1251:
            return singleByte(input, output)
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            return wide(input, output, isLast: isLast)
        case .shiftJIS, .gb18030:
            return iconv?.decode(input, into: output, capacity: Transcoder.maxOutput(forInput: input.count), isLast: isLast) ?? 0
        }
    }

    /// Windows-1252, except that a valid multi-byte UTF-8 sequence is kept as it is: a file in the
    /// old code page with a line or two pasted from a UTF-8 source (`FERRETERÍA`). In cp1252 text
    /// such a pair (`Ã` followed by `©`) is all but unknown. A sequence cut by the chunk's end
    /// waits for the next chunk.
    private mutating func windows1252(_ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
                                      isLast: Bool) -> Int {
        var joined: [UInt8] = []
        if !carry.isEmpty {
            joined = carry + Array(input)
            carry.removeAll(keepingCapacity: true)
        }
        // One pass: ASCII copied eight bytes at a time, a valid UTF-8 sequence copied whole, any
        // other high byte mapped (the hot path of a cp1252 file: it reads each byte once).
        func run(_ chunk: UnsafeBufferPointer<UInt8>) -> Int {
            guard let p = chunk.baseAddress else { return 0 }
            let n = chunk.count
            var i = 0, o = 0
            while i < n {
                if Transcoder.copyASCIIWord(p, &i, n, out, &o) { continue }
                let b = p[i]
                if b < 0x80 { out[o] = b; i += 1; o += 1; continue }
                switch UTF8Validator.sequence(p, i, n) {
                case .valid(let len):
                    (out + o).update(from: p + i, count: len)
                    i += len; o += len
                case .cutOff where !isLast:
                    carry = Array(chunk[i..<n])
                    return o
                default:
                    let scalar = b < 0xA0 ? UInt32(CodePages.cp1252High[Int(b) - 0x80]) : UInt32(b)
                    o += Transcoder.writeUTF8(scalar, out + o)
                    i += 1
                }
            }
            return o
        }
        return joined.isEmpty ? run(input) : joined.withUnsafeBufferPointer(run)
    }

    /// Copies the eight bytes at `i` when they are all ASCII (the single-byte passes' common case),
    /// advancing both offsets; `false` when fewer than eight remain or one is not ASCII.
    @inline(__always)
    static func copyASCIIWord(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int,
                              _ out: UnsafeMutablePointer<UInt8>, _ o: inout Int) -> Bool {
        guard i + 8 <= n else { return false }
        let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        guard w & 0x8080_8080_8080_8080 == 0 else { return false }
        UnsafeMutableRawPointer(out + o).storeBytes(of: w, as: UInt64.self)
        i += 8; o += 8
        return true
    }

    /// ISO-8859-1 and Windows-1251, a byte to a character.
    private func singleByte(_ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let p = input.baseAddress else { return 0 }
        let n = input.count
        var i = 0, o = 0
        let enc = encoding
        while i < n {
            if Transcoder.copyASCIIWord(p, &i, n, out, &o) { continue }
            let b = p[i]
            i += 1
            if b < 0x80 { out[o] = b; o += 1; continue }
            // (Windows-1252 has a pass of its own, ``windows1252(_:_:isLast:)``.)
            let scalar = enc == .windows1251 ? UInt32(CodePages.cp1251High[Int(b) - 0x80]) : UInt32(b)
            o += Transcoder.writeUTF8(scalar, out + o)
        }
        return o
    }

    private mutating func wide(_ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, isLast: Bool) -> Int {
        let unit = encoding.codeUnitSize
        var o = 0
        var bytes = carry
        carry.removeAll(keepingCapacity: true)
        var i = 0
        let n = input.count
        // Completes a unit begun in the previous chunk.
        if !bytes.isEmpty {
            while bytes.count < unit, i < n { bytes.append(input[i]); i += 1 }
            if bytes.count == unit { o += decodeUnit(bytes[0], bytes[1], unit == 4 ? bytes[2] : 0, unit == 4 ? bytes[3] : 0, out + o) }
            else { carry = bytes }
        }
        while i + unit <= n {
            if unit == 2 { o += decodeUnit(input[i], input[i + 1], 0, 0, out + o) }
            else { o += decodeUnit(input[i], input[i + 1], input[i + 2], input[i + 3], out + o) }
            i += unit
        }
        while i < n { carry.append(input[i]); i += 1 }
        if isLast {
            if !carry.isEmpty || pendingHigh != 0 { o += Transcoder.writeUTF8(0xFFFD, out + o) }
            carry.removeAll(); pendingHigh = 0
        }
        return o
    }

    @inline(__always)
    private mutating func decodeUnit(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        switch encoding {
        case .utf32LE, .utf32BE:
            let v = encoding == .utf32LE
                ? UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24
                : UInt32(d) | UInt32(c) << 8 | UInt32(b) << 16 | UInt32(a) << 24
            let ok = v < 0xD800 || (v > 0xDFFF && v <= 0x10FFFF)
            return Transcoder.writeUTF8(ok ? v : 0xFFFD, out)
        default:
            let u = encoding == .utf16LE ? UInt32(a) | UInt32(b) << 8 : UInt32(b) | UInt32(a) << 8
            if pendingHigh != 0 {
                let high = pendingHigh
                pendingHigh = 0
                if (0xDC00...0xDFFF).contains(u) {
                    return Transcoder.writeUTF8(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), out)
                }
                written += Transcoder.writeUTF8(0xFFFD, out)
            }
            if (0xD800...0xDBFF).contains(u) { pendingHigh = u; return written }
            if (0xDC00...0xDFFF).contains(u) { return written + Transcoder.writeUTF8(0xFFFD, out + written) }
            return written + Transcoder.writeUTF8(u, out + written)
        }
    }

    /// Writes one scalar as UTF-8 and returns its length.
    @inline(__always)
    static func writeUTF8(_ v: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 { out[0] = UInt8(v); return 1 }
        if v < 0x800 {
            out[0] = UInt8(0xC0 | (v >> 6)); out[1] = UInt8(0x80 | (v & 0x3F)); return 2
        }
        if v < 0x10000 {
            out[0] = UInt8(0xE0 | (v >> 12)); out[1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (v & 0x3F)); return 3
        }
        out[0] = UInt8(0xF0 | (v >> 18)); out[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[3] = UInt8(0x80 | (v & 0x3F)); return 4
    }
}
