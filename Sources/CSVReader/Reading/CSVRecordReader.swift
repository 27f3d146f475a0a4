/// Streams the records of a CSV input with constant memory: a chunk of raw bytes, a chunk of
/// decoded UTF-8, and one record's bytes at a time.
///
/// The fields of the current record are borrowed views (``field(_:)``) that stay valid until the
/// next call to ``next()``; ``string(_:)`` builds a `String` from one field's UTF-8 in one step.
/// Hot loops (the benchmark, typed conversion) read the bytes directly and never build Strings for
/// numbers and dates.
public final class CSVRecordReader {
    /// A record larger than this is a file-level error (usually a quote that never closes).
    public static let maxRecordBytes = 32 << 20

    public let encoding: DetectedEncoding
    public let dialect: CSVCore.Dialect
    // Hot state read on every record: exclusivity is guaranteed by the class not being shared
    // (it is not Sendable), so the per-access runtime checks are skipped.
    @exclusivity(unchecked) private var core: CSVCore
    @exclusivity(unchecked) private var transcoder: Transcoder
    private let chunks: ChunkReader
    private let chunkSize: Int

    private let raw: UnsafeMutableRawBufferPointer
    private let decoded: UnsafeMutableBufferPointer<UInt8>
    @exclusivity(unchecked) private var data: UnsafePointer<UInt8>
    @exclusivity(unchecked) private var available = 0
    @exclusivity(unchecked) private var position = 0
    private var bomToSkip: Int

    @exclusivity(unchecked) @usableFromInline var output: UnsafeMutableBufferPointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var ends: UnsafeMutableBufferPointer<Int>

    /// Records returned so far, blank lines included (the current record's 0-based index is `recordIndex`).
    @exclusivity(unchecked) public private(set) var recordCount = 0

    public init(input: ByteInput, encoding: DetectedEncoding, dialect: CSVCore.Dialect, chunkSize: Int = 1 << 20) throws {
        self.encoding = encoding
        self.dialect = dialect
        self.core = CSVCore(dialect: dialect)
        self.transcoder = Transcoder(encoding: encoding.encoding)
        self.chunks = try ChunkReader(input)
        self.chunkSize = max(chunkSize, 16)
        raw = .allocate(byteCount: self.chunkSize, alignment: 16)
        let decodedCount = transcoder.passesThrough ? 1 : Transcoder.maxOutput(forInput: self.chunkSize)
        decoded = .allocate(capacity: decodedCount)
        data = UnsafePointer(decoded.baseAddress!)  // allocate never returns an empty buffer here
        bomToSkip = encoding.bomLength
        output = .allocate(capacity: 64 << 10)
        ends = .allocate(capacity: 256)
    }

    deinit {
        raw.deallocate(); decoded.deallocate(); output.deallocate(); ends.deallocate()
    }

    /// Advances to the next record; `false` at the end of the input.
    public func next() throws -> Bool {
        while true {
            if position == available && !chunks.isExhausted { try refill() }
            let input = UnsafeBufferPointer(start: data + position, count: available - position)
            let (result, used) = core.readRecord(input: input, output: output, ends: ends)
            position += used
            switch result {
            case .record:
                recordCount += 1
                return true
            case .end:
                return false
            case .inputEmpty:
                continue
            case .outputFull:
                guard output.count < CSVRecordReader.maxRecordBytes else {
                    throw CSVError.recordTooLarge(line: core.recordLine, limit: CSVRecordReader.maxRecordBytes)
                }
                output = Self.grow(output, to: min(output.count * 2, CSVRecordReader.maxRecordBytes))
            case .endsFull:
                ends = Self.grow(ends, to: ends.count * 2)
            }
        }
    }

    private func refill() throws {
        let n = try chunks.read(into: raw)
        position = 0
        var start = 0
        if bomToSkip > 0 {
            start = min(bomToSkip, n); bomToSkip -= start
        }
        let bytes = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: n - start)
        if transcoder.passesThrough {
            data = bytes.baseAddress.map { UnsafePointer($0) } ?? data
            available = bytes.count
        } else {
            available = transcoder.transcode(bytes, into: decoded.baseAddress!, isLast: chunks.isExhausted)
            data = UnsafePointer(decoded.baseAddress!)
        }
    }

    private static func grow<T>(_ b: UnsafeMutableBufferPointer<T>, to count: Int) -> UnsafeMutableBufferPointer<T> {
        let bigger = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        _ = bigger.initialize(from: b)
        b.deallocate()
        return bigger
    }

    // MARK: The current record

    /// Fields in the current record; 0 for a blank line.
    public var fieldCount: Int { core.fieldCount }
    /// The 1-based line where the current record starts.
    public var line: Int { core.recordLine }
    /// The 0-based byte offset of the record in the decoded text (equal to the file offset for UTF-8).
    public var byteOffset: Int { core.recordByteOffset + encoding.bomLength }
    /// Stray quotes in the current record and the line of the first one.
    public var strayQuotes: Int { core.strayQuotes }
    public var strayQuoteLine: Int { core.strayQuoteLine }
    /// Whether the current record is a quote left open until the end of the file.
    public var unterminatedQuote: Bool { core.unterminatedQuote }
    /// Quoted fields in the current record.
    public var quotedFields: Int { core.quotedFields }
    /// The 1-based line where reading has got to (after the current record).
    public var currentLine: Int { core.line }

    /// The UTF-8 bytes of field `i` (0-based) of the current record, valid until ``next()``.
    @inlinable
    public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: output.baseAddress! + start, count: ends[i] - start)
    }

    /// The end of field `i` within the record's bytes.
    @inlinable
    public func fieldEnd(_ i: Int) -> Int { ends[i] }

    /// The current record's bytes (its fields end to end) and each field's end within them, valid
    /// until ``next()``.
    public var recordBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: output.baseAddress!, count: fieldCount == 0 ? 0 : ends[fieldCount - 1])
    }
    public var recordFieldEnds: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ends.baseAddress!, count: fieldCount) }

    /// Field `i` as a `String` (invalid UTF-8 is repaired with U+FFFD).
    @inlinable
    public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    /// All fields of the current record as Strings.
    public func strings() -> [String] { (0..<fieldCount).map(string) }
}

