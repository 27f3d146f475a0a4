/// Rows whose cells are all text (a CSV file's), kept as the bytes they were read as: a reader can
/// hand a million of them over without building a `String` and a ``Row`` for each, and a consumer
/// that only needs some fields reads them in place (``TextRowView``). ``row(_:)`` gives any of
/// them as the ``Row`` the reader would have delivered.
///
/// Fields lie end to end in one buffer; row `r` owns fields `rowEnds[r-1] ..< rowEnds[r]`.
public struct TextRows: Sendable {
    private var bytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var rowEnds: [Int] = []
    private var numbers: [Int] = []
    private var lines: [Int] = []

    public init() {}

    public var count: Int { rowEnds.count }
    public var isEmpty: Bool { rowEnds.isEmpty }

    /// Empty, with room for as many rows, bytes and fields as `other` holds (the next chunk of a
    /// file is much like the last).
    public init(reservingLike other: TextRows) {
        bytes.reserveCapacity(other.bytes.count)
        fieldEnds.reserveCapacity(other.fieldEnds.count)
        rowEnds.reserveCapacity(other.count); numbers.reserveCapacity(other.count); lines.reserveCapacity(other.count)
    }

    /// Appends a row: `fields` lie end to end in `record` (field `k` ends at `ends[k]`).
    public mutating func append(number: Int, line: Int, record: UnsafeBufferPointer<UInt8>,
                                ends: UnsafeBufferPointer<Int>) {
        let base = bytes.count
        bytes.append(contentsOf: record)
        for e in ends { fieldEnds.append(base + e) }
        rowEnds.append(fieldEnds.count)
        numbers.append(number); lines.append(line)
    }

    /// Appends a row whose cells are all text or empty, as the bytes that make it again; returns
    /// `false` (appending nothing) for any other row, or one without a line (not from a text file).
    public mutating func append(_ row: Row) -> Bool {
        guard let line = row.line else { return false }
        var fields: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(row.cells.count)
        for cell in row.cells {
            switch cell {
            case .empty: break
            case .text(var s) where !s.isEmpty: s.withUTF8 { fields.append(contentsOf: $0) }
            default: return false
            }
            ends.append(fields.count)
        }
        fields.withUnsafeBufferPointer { f in
            ends.withUnsafeBufferPointer { e in append(number: row.number, line: line, record: f, ends: e) }
        }
        return true
    }

    /// The row as a reader delivers it: an empty field is `.empty`, any other `.text` (invalid
    /// UTF-8 repaired with U+FFFD).
    public func row(_ r: Int) -> Row {
        withRow(r) { view in
            var cells: [CellValue] = []
            cells.reserveCapacity(view.count)
            for c in 0..<view.count {
                let f = view[c + 1]
                cells.append(f.isEmpty ? .empty : .text(String(decoding: f, as: UTF8.self)))
            }
            return Row(number: view.number, line: view.line, cells: cells)
        }
    }

    /// Removes rows `r` and after, giving them back as the ``Row``s they make (rows that belong
    /// to something else than what was read before them: another table on the sheet).
    public mutating func removeRows(from r: Int) -> [Row] {
        let tail = splitOff(from: r)
        return (0..<tail.count).map(tail.row)
    }

    /// Removes rows `r` and after, giving them back as bytes (to go on in another chunk).
    public mutating func splitOff(from r: Int) -> TextRows {
        var tail = TextRows()
        guard r < count else { return tail }
        let firstField = r == 0 ? 0 : rowEnds[r - 1]
        let firstByte = firstField == 0 ? 0 : fieldEnds[firstField - 1]
        tail.bytes = Array(bytes[firstByte...])
        tail.fieldEnds = fieldEnds[firstField...].map { $0 - firstByte }
        tail.rowEnds = rowEnds[r...].map { $0 - firstField }
        tail.numbers = Array(numbers[r...]); tail.lines = Array(lines[r...])
        bytes.removeSubrange(firstByte...)
        fieldEnds.removeSubrange(firstField...)
        rowEnds.removeSubrange(r...); numbers.removeSubrange(r...); lines.removeSubrange(r...)
        return tail
    }

    /// Calls `body` with row `r`'s fields in place, valid only inside it.
    public func withRow<R>(_ r: Int, _ body: (TextRowView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in
            try fieldEnds.withUnsafeBufferPointer { e in
                let first = r == 0 ? 0 : rowEnds[r - 1]
                return try body(TextRowView(bytes: b, ends: e, first: first, count: rowEnds[r] - first,
                                            number: numbers[r], line: lines[r]))
            }
        }
    }
}

/// One row of ``TextRows``, read in place.
public struct TextRowView {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>
    fileprivate let first: Int
    /// The number of fields.
    public let count: Int
    /// The row number and physical line, as ``Row/number`` and ``Row/line``.
    public let number: Int
    public let line: Int

    /// The bytes of a 1-based column, empty beyond the row's end (as ``Row/subscript(column:)``
    /// gives `.empty` there).
    @inline(__always)
    public subscript(column: Int) -> UnsafeBufferPointer<UInt8> {
        guard column >= 1 && column <= count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let k = first + column - 1
        let start = k == 0 ? 0 : ends[k - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[k]])
    }
}

/// Text cells read as bytes, judged as ``CellValue`` judges the cell they make.
public enum TextCell {
    /// Whether the field makes a blank cell (``CellValue/isBlank``): empty, or only whitespace.
    @inline(__always)
    public static func isBlank(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first else { return true }
        if first.startsVisibleCharacter { return false }
        return CellValue.text(String(decoding: field, as: UTF8.self)).isBlank
    }
}
