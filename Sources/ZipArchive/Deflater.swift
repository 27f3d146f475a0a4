internal import CZlib

/// zlib's deflate as a stream: bytes in, compressed bytes handed to `emit` as they come. The one
/// compressor of the module, behind zip entries (raw deflate, ``ZipEntrySink``) and gzip members
/// (``GzipWriter``).
final class Deflater {
    enum Framing {
        /// Bare deflate data, as a zip entry holds it.
        case raw
        /// A gzip header and trailer around it.
        case gzip
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let out: UnsafeMutableBufferPointer<UInt8>

    /// `level`: 1 fastest … 9 smallest; `nil` when zlib cannot start.
    init?(level: Int32, framing: Framing) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        out = .allocate(capacity: 64 << 10)
        // A 32 KiB window (15); 16 + 15 asks for the gzip wrapper, -15 for none.
        let windowBits: Int32 = framing == .gzip ? 16 + 15 : -15
        guard czlib_deflate_init2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK else {
            stream.deallocate(); out.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate(); out.deallocate()
    }

    /// Compresses `input` (in slices: zlib counts a call's input in 32 bits); with `finish`, ends
    /// the stream after it. Returns false when zlib fails.
    func deflate<E: Error>(_ input: UnsafeRawBufferPointer, finish: Bool,
                           emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) -> Bool {
        var start = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        var left = input.count
        repeat {
            let slice = min(left, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: start)
            stream.pointee.avail_in = uInt(slice)
            let flush = finish && slice == left ? Z_FINISH : Z_NO_FLUSH
            while true {
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                let rc = CZlib.deflate(stream, flush)
                guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else { return false }
                let produced = out.count - Int(stream.pointee.avail_out)
                if produced > 0 { try emit(UnsafeRawBufferPointer(start: out.baseAddress, count: produced)) }
                if flush == Z_FINISH ? rc == Z_STREAM_END : stream.pointee.avail_out != 0 { break }
            }
            start = start.map { $0 + slice }
            left -= slice
        } while left > 0
        return true
    }
}
