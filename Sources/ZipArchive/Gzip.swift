internal import CZlib

/// gzip (`.gz`) decompression, for callers that hold compressed data in memory (the corpus
/// oracles are `.json.gz`). Output is capped so a hostile stream cannot exhaust memory.
public enum Gzip {
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func decompress(_ data: [UInt8], maximumSize: Int = 1 << 30) throws(Failure) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // 16 + 15: a gzip header and trailer around a 32 KiB-window deflate stream.
        guard czlib_inflate_init2(stream, 16 + 15) == Z_OK else { throw Failure(description: "zlib could not start") }
        defer { inflateEnd(stream) }
        var out: [UInt8] = []
        let chunk = 64 << 10
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        let rc: Int32 = data.withUnsafeBufferPointer { input -> Int32 in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            while true {
                stream.pointee.next_out = buffer
                stream.pointee.avail_out = uInt(chunk)
                let rc = inflate(stream, Z_NO_FLUSH)
                out.append(contentsOf: UnsafeBufferPointer(start: buffer, count: chunk - Int(stream.pointee.avail_out)))
                if rc == Z_STREAM_END { return rc }
                if rc != Z_OK || out.count > maximumSize { return rc == Z_OK ? Z_MEM_ERROR : rc }
                if stream.pointee.avail_in == 0, stream.pointee.avail_out != 0 { return Z_BUF_ERROR }
            }
        }
        guard rc == Z_STREAM_END else { throw Failure(description: "invalid or truncated gzip data (zlib \(rc))") }
        return out
    }
}

extension Gzip {
    /// `data` as one gzip member (deflate at `level`, 1 fastest … 9 smallest), which
    /// ``decompress(_:maximumSize:)`` reads back. Data that starts with ``magic`` is gzip.
    public static func compress(_ data: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        let writer = try GzipWriter(level: level)
        try writer.write(data)
        return try writer.finish()
    }

    /// The two bytes every gzip member starts with.
    public static let magic: [UInt8] = [0x1F, 0x8B]

    /// Whether `data` starts like a gzip member.
    public static func isCompressed(_ data: some Collection<UInt8>) -> Bool { data.starts(with: magic) }
}
