internal import CZlib

/// Streams one entry's uncompressed bytes in chunks, checking its CRC-32 and size at the end.
///
/// Memory is two fixed buffers (compressed input and output chunk) whatever the entry's size.
/// The chunk ``next()`` returns stays valid only until the following call.
public final class ZipEntryReader {
    public let entry: ZipEntry
    private let file: RandomAccessFile
    private let limits: ZipLimits
    private var inputOffset: UInt64
    private var compressedRemaining: UInt64
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    /// zlib keeps a pointer back to its stream, so the stream lives at a fixed address.
    private var stream: UnsafeMutablePointer<z_stream>?
    private var crc: UInt = 0
    /// Whether the CRC-32 is computed and checked (a reader that only looks for a word may skip it).
    private let checksCRC: Bool
    /// Uncompressed bytes delivered so far.
    public private(set) var produced: UInt64 = 0
    private var ended = false

    var path: String { file.path }

    init(archive: ZipArchive, entry: ZipEntry, chunkSize: Int, checksCRC: Bool = true) throws(ZipError) {
        self.entry = entry
        self.checksCRC = checksCRC
        self.file = archive.file
        self.limits = archive.limits
        let path = archive.file.path
        if entry.isEncrypted { throw .encryptedEntry(path: path, entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw .unsupportedCompression(path: path, entry: entry.name, method: entry.method)
        }
        let local = try archive.file.bytes(at: entry.localHeaderOffset, count: 30)
        guard local.count == 30 else {
            throw .truncated(path: path, detail: "local header of \(entry.name) is cut short")
        }
        guard local.u32(0) == ZipDirectoryParser.localSignature else {
            throw .corrupt(path: path, entry: entry.name, detail: "bad local header signature at offset \(entry.localHeaderOffset)")
        }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(local.u16(26)) + UInt64(local.u16(28))
        let (dataEnd, wrapped) = dataOffset.addingReportingOverflow(entry.compressedSize)
        guard !wrapped, dataEnd <= archive.file.size else {
            throw .truncated(path: path, detail: "entry \(entry.name) needs \(entry.compressedSize) bytes at offset \(dataOffset) but the file has \(archive.file.size)")
        }
        if entry.method == 0, entry.compressedSize != entry.uncompressedSize {
            throw .corrupt(path: path, entry: entry.name, detail: "stored entry with different compressed and uncompressed sizes")
        }
        inputOffset = dataOffset
        compressedRemaining = entry.compressedSize
        let size = max(1024, chunkSize)
        input = .allocate(byteCount: size, alignment: 16)
        output = .allocate(byteCount: size, alignment: 16)
        if entry.method == 8 {
            let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            s.initialize(to: z_stream())
            // Negative window bits: raw deflate, no zlib header (zip stores bare deflate streams).
            guard czlib_inflate_init2(s, -15) == Z_OK else {
                s.deallocate()
                input.deallocate(); output.deallocate()
                throw .corrupt(path: path, entry: entry.name, detail: "zlib could not start inflating")
            }
            stream = s
        }
    }

    deinit {
        if let s = stream {
            inflateEnd(s)
            s.deallocate()
        }
        input.deallocate()
        output.deallocate()
    }

    /// The next chunk of uncompressed bytes (never empty), or `nil` after the last one.
    public func next() throws(ZipError) -> UnsafeRawBufferPointer? {
        let count = try next(into: output)
        return count == 0 ? nil : UnsafeRawBufferPointer(rebasing: output[0..<count])
    }

    /// Inflates the next chunk into `target` (at most its size); 0 after the last chunk.
    /// Lets a prefetching reader fill its own buffers without a copy.
    func next(into target: UnsafeMutableRawBufferPointer) throws(ZipError) -> Int {
        if ended { return 0 }
        let count = stream == nil ? try nextStored(into: target) : try nextInflated(into: target)
        if count == 0 {
            try finish()
            return 0
        }
        if checksCRC { crc = crc32(crc, target.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(count)) }
        produced += UInt64(count)
        if produced > entry.uncompressedSize {
            if produced > limits.maxEntrySize {
                throw .limitExceeded(path: path, entry: entry.name, limit: .entrySize, value: produced, maximum: limits.maxEntrySize)
            }
            throw .corrupt(path: path, entry: entry.name, detail: "inflates to more than its declared \(entry.uncompressedSize) bytes")
        }
        return count
    }

    private func nextStored(into output: UnsafeMutableRawBufferPointer) throws(ZipError) -> Int {
        guard compressedRemaining > 0 else { return 0 }
        let want = Int(min(UInt64(output.count), compressedRemaining))
        let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: output[0..<want]), at: inputOffset)
        guard n == want else { throw .truncated(path: path, detail: "entry \(entry.name) ends early") }
        inputOffset += UInt64(n)
        compressedRemaining -= UInt64(n)
        return n
    }

    private func nextInflated(into output: UnsafeMutableRawBufferPointer) throws(ZipError) -> Int {
        guard let s = stream else { return 0 }
        while true {
            if s.pointee.avail_in == 0, compressedRemaining > 0 {
                let want = Int(min(UInt64(input.count), compressedRemaining))
                let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: input[0..<want]), at: inputOffset)
                guard n == want else { throw .truncated(path: path, detail: "entry \(entry.name) ends early") }
                inputOffset += UInt64(n)
                compressedRemaining -= UInt64(n)
                s.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                s.pointee.avail_in = uInt(n)
            }
            s.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            s.pointee.avail_out = uInt(output.count)
            let rc = inflate(s, Z_NO_FLUSH)
            let n = output.count - Int(s.pointee.avail_out)
            switch rc {
            case Z_STREAM_END:
                inflateEnd(s)
                s.deallocate()
                stream = nil
                return n
            case Z_OK:
                if n > 0 { return n }
            case Z_BUF_ERROR:
                if n > 0 { return n }
                if s.pointee.avail_in == 0, compressedRemaining == 0 {
                    throw .truncated(path: path, detail: "deflate stream of \(entry.name) ends early")
                }
            default:
                let message = s.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw .corrupt(path: path, entry: entry.name, detail: "invalid deflate data (\(message))")
            }
        }
    }

    private func finish() throws(ZipError) {
        ended = true
        guard produced == entry.uncompressedSize else {
            throw .corrupt(path: path, entry: entry.name, detail: "inflated to \(produced) bytes, directory says \(entry.uncompressedSize)")
        }
        let found = UInt32(truncatingIfNeeded: crc)
        guard !checksCRC || found == entry.crc32 else {
            throw .checksumMismatch(path: path, entry: entry.name, expected: entry.crc32, found: found)
        }
        if entry.compressedSize > 0, produced > limits.ratioThreshold,
           produced / entry.compressedSize > limits.maxRatio {
            throw .limitExceeded(path: path, entry: entry.name, limit: .ratio, value: produced / entry.compressedSize, maximum: limits.maxRatio)
        }
    }
}
