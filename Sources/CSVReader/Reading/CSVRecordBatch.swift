/// A run of consecutive records copied out of the reader, so that parsing (on a background thread)
/// and converting (on the caller's) overlap. Fields lie end to end in ``bytes``: field `k` spans
/// `fieldEnds[k-1] ..< fieldEnds[k]` (from 0 for the first), and record `r` owns fields
/// `recordEnds[r-1] ..< recordEnds[r]`; a blank line owns none.
public struct CSVRecordBatch: Sendable {
    public var bytes: [UInt8] = []
    public var fieldEnds: [Int] = []
    public var recordEnds: [Int] = []
    /// The physical line where each record starts.
    public var lines: [Int] = []
    /// The 1-based record number (the spreadsheet row) of the first record.
    public var firstRecordNumber = 1

    public var count: Int { recordEnds.count }

    /// Calls `body` with the field bytes and field ends, valid only inside it.
    @inlinable
    public func withFields<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in try fieldEnds.withUnsafeBufferPointer { e in try body(b, e) } }
    }

    mutating func append(_ reader: CSVRecordReader) {
        let base = bytes.count
        let n = reader.fieldCount
        if n > 0 {
            let last = reader.field(n - 1)
            let start = reader.field(0).baseAddress!
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: last.baseAddress! + last.count - start))
            for k in 0..<n { fieldEnds.append(base + reader.fieldEnd(k)) }
        }
        recordEnds.append(fieldEnds.count)
        lines.append(reader.line)
    }
}
