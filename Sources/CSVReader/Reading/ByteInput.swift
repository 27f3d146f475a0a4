#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where CSV bytes come from: a file read in chunks, or bytes already in memory.
public enum ByteInput: Sendable {
    case file(String)
    case bytes([UInt8])
}

/// File-level failures: the file cannot be read at all.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case readFailed(path: String, errno: Int32)
    /// One record is larger than ``CSVRecordReader/maxRecordBytes`` (usually a quote never closed).
    case recordTooLarge(line: Int, limit: Int)
    case unknownEncoding(String)
    case badOption(String)
    /// The file is no text (``BinaryContent``): `what` it looks like instead.
    case notText(path: String, what: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let e): return "cannot open \(p): \(String(cString: strerror(e)))"
        case .readFailed(let p, let e): return "cannot read \(p): \(String(cString: strerror(e)))"
        case .recordTooLarge(let line, let limit):
            return "the record starting at line \(line) is larger than \(limit / (1 << 20)) MiB (a quote never closed?)"
        case .unknownEncoding(let n): return "unknown encoding '\(n)'"
        case .badOption(let m): return m
        case .notText(let p, let what): return "\(p) is not a text file: \(what)"
        }
    }
}

/// Reads a `ByteInput` in chunks into a caller-owned buffer.
final class ChunkReader {
    private let input: ByteInput
    private var fd: Int32 = -1
    private var memoryOffset = 0
    private(set) var isExhausted = false

    init(_ input: ByteInput) throws {
        self.input = input
        if case .file(let path) = input {
            fd = open(path, O_RDONLY)
            if fd < 0 { throw CSVError.cannotOpen(path: path, errno: errno) }
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Fills `buffer` as far as possible; returns the byte count (0 only at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, !isExhausted else { return 0 }
        switch input {
        case .bytes(let bytes):
            let n = min(buffer.count, bytes.count - memoryOffset)
            bytes.withUnsafeBytes { src in
                if n > 0, let s = src.baseAddress { base.copyMemory(from: s + memoryOffset, byteCount: n) }
            }
            memoryOffset += n
            if n == 0 { isExhausted = true }
            return n
        case .file(let path):
            var total = 0
            while total < buffer.count {
                let r = Glibc.read(fd, base + total, buffer.count - total)
                if r < 0 {
                    if errno == EINTR { continue }
                    throw CSVError.readFailed(path: path, errno: errno)
                }
                if r == 0 { isExhausted = true; break }
                total += r
            }
            return total
        }
    }

    /// Reads up to `limit` bytes from the start of `input` (for detection).
    static func prefix(of input: ByteInput, limit: Int) throws -> (bytes: [UInt8], isWholeFile: Bool) {
        let reader = try ChunkReader(input)
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        let n = try bytes.withUnsafeMutableBytes { try reader.read(into: $0) }
        let whole = n <= limit
        bytes.removeSubrange(min(n, limit)...)
        return (bytes, whole)
    }
}
