internal import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a zip archive (deflated entries, each followed by a data descriptor) to a temporary
/// file beside `path`, renamed into place by ``finish()`` so readers never see half a file.
///
/// Entries and the archive are limited to 4 GiB (no zip64 output). Timestamps are fixed at
/// 1980-01-01 so the same content always gives the same bytes.
public final class ZipWriter {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var offset: UInt64 = 0
    private var central: [UInt8] = []
    private var count = 0
    private var finished = false

    public init(path: String) throws(ZipError) {
        self.path = path
        self.temporaryPath = path + ".partial-\(getpid())"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: temporaryPath, call: "open", errno: errno) }
        self.fd = fd
    }

    deinit {
        if !finished {
            close(fd)
            unlink(temporaryPath)
        }
    }

    /// Adds one entry from bytes in memory.
    public func addEntry(named name: String, contents: [UInt8], compress: Bool = true) throws(ZipError) {
        try writeEntry(named: name, compress: compress) { (sink) throws(ZipError) in try sink.write(contents) }
    }

    /// Adds one entry whose bytes `body` writes piece by piece into the sink (deflated as they come).
    public func writeEntry(named name: String, compress: Bool = true,
                           _ body: (inout ZipEntrySink) throws(ZipError) -> Void) throws(ZipError) {
        precondition(!finished, "ZipWriter used after finish()")
        let nameBytes = Array(name.utf8)
        let method: UInt16 = compress ? 8 : 0
        let start = offset
        var header: [UInt8] = []
        header.le32(ZipDirectoryParser.localSignature)
        header.le16(20); header.le16(0x0808)  // version 2.0; data descriptor + UTF-8 names
        header.le16(method); header.le16(0); header.le16(0x21)  // 1980-01-01 00:00
        header.le32(0); header.le32(0); header.le32(0)
        header.le16(UInt16(nameBytes.count)); header.le16(0)
        header += nameBytes
        try writeAll(header)
        var sink = try ZipEntrySink(writer: self, compress: compress)
        try body(&sink)
        let (crc, csize, usize) = try sink.close()
        guard csize <= 0xFFFF_FFFE, usize <= 0xFFFF_FFFE, start <= 0xFFFF_FFFE else {
            throw .limitExceeded(path: path, entry: name, limit: .entrySize, value: max(csize, usize), maximum: 0xFFFF_FFFE)
        }
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4b50); descriptor.le32(crc); descriptor.le32(UInt32(csize)); descriptor.le32(UInt32(usize))
        try writeAll(descriptor)
        central.le32(ZipDirectoryParser.centralSignature)
        central.le16(0x031E); central.le16(20); central.le16(0x0808)
        central.le16(method); central.le16(0); central.le16(0x21)
        central.le32(crc); central.le32(UInt32(csize)); central.le32(UInt32(usize))
        central.le16(UInt16(nameBytes.count)); central.le16(0); central.le16(0)
        central.le16(0); central.le16(0); central.le32(0o100644 << 16)
        central.le32(UInt32(start))
        central += nameBytes
        count += 1
    }

    /// Writes the central directory, closes the file and renames it to `path`.
    public func finish() throws(ZipError) {
        precondition(!finished, "ZipWriter.finish() called twice")
        let cdOffset = offset
        try writeAll(central)
        var eocd: [UInt8] = []
        eocd.le32(ZipDirectoryParser.eocdSignature)
        eocd.le16(0); eocd.le16(0)
        eocd.le16(UInt16(min(count, 0xFFFF))); eocd.le16(UInt16(min(count, 0xFFFF)))
        eocd.le32(UInt32(central.count)); eocd.le32(UInt32(truncatingIfNeeded: cdOffset)); eocd.le16(0)
        try writeAll(eocd)
        finished = true
        guard close(fd) == 0 else {
            unlink(temporaryPath)
            throw .io(path: temporaryPath, call: "close", errno: errno)
        }
        guard rename(temporaryPath, path) == 0 else {
            let e = errno
            unlink(temporaryPath)
            throw .io(path: path, call: "rename", errno: e)
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(ZipError) {
        let result = bytes.withUnsafeBytes { b in Result { () throws(ZipError) in try writeAll(b) } }
        try result.get()
    }

    func writeAll(_ buffer: UnsafeRawBufferPointer) throws(ZipError) {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let n = write(fd, base + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: temporaryPath, call: "write", errno: errno)
            }
            done += n
        }
        offset += UInt64(buffer.count)
    }
}

/// Receives one entry's bytes for a ``ZipWriter``, deflating them as they arrive.
public struct ZipEntrySink: ~Copyable {
    private let writer: ZipWriter
    private let deflater: Deflater?
    private var crc: UInt = 0
    private var usize: UInt64 = 0
    private var csize: UInt64 = 0

    init(writer: ZipWriter, compress: Bool) throws(ZipError) {
        self.writer = writer
        if compress {
            guard let d = Deflater(level: 6, framing: .raw) else {
                throw .corrupt(path: writer.path, entry: nil, detail: "zlib could not start deflating")
            }
            deflater = d
        } else {
            deflater = nil
        }
    }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ZipError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        crc = crc32(crc, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        usize += UInt64(bytes.count)
        guard deflater != nil else {
            try writer.writeAll(bytes)
            csize += UInt64(bytes.count)
            return
        }
        try deflate(bytes, finish: false)
    }

    public mutating func write(_ bytes: [UInt8]) throws(ZipError) {
        let result = bytes.withUnsafeBytes { b in Result { () throws(ZipError) in try write(b) } }
        try result.get()
    }

    private mutating func deflate(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(ZipError) {
        guard let deflater else { return }
        let writer = self.writer
        var written: UInt64 = 0
        let ok = try deflater.deflate(bytes, finish: finish) { (piece: UnsafeRawBufferPointer) throws(ZipError) in
            try writer.writeAll(piece)
            written += UInt64(piece.count)
        }
        csize += written
        guard ok else { throw .corrupt(path: writer.path, entry: nil, detail: "zlib deflate failed") }
    }

    consuming func close() throws(ZipError) -> (crc: UInt32, compressed: UInt64, uncompressed: UInt64) {
        try deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
        return (UInt32(truncatingIfNeeded: crc), csize, usize)
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
}
