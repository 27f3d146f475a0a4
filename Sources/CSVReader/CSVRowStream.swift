import Tabular

/// The rows of a ``CSVFile`` as text cells (`""` → `.empty`), with their spreadsheet row number and
/// physical line. Blank lines are skipped (the numbers after them jump, as in a spreadsheet);
/// ragged rows are kept whole and reported.
public struct CSVRowStream: TextRowStream {
    private let reader: CSVRecordReader
    private let path: String
    private let utf8Offsets: Bool
    private var diagnostics: [Diagnostic] = []
    /// The field count of the first row (the header when there is one), or of the first wider one
    /// after single-field title lines; ragged rows are measured against it.
    public private(set) var expectedWidth: Int?
    /// Whether every record so far had one field (title lines, or a one-column file).
    private var onlySingleFields = true
    /// Rows returned so far.
    public private(set) var rowsRead = 0
    /// Blank lines skipped.
    public private(set) var blankLinesSkipped = 0

    init(file: CSVFile, reader: CSVRecordReader) {
        self.reader = reader
        self.path = file.path
        self.utf8Offsets = file.detectedEncoding.encoding == .utf8
        keepsBlankLines = file.options.keepsBlankLines
        unwrapsTextFormulas = file.options.unwrapsTextFormulas
        hiddenLines = file.detectedDialect.directiveLines
    }

    /// Lines above the first row that a spreadsheet does not show (``CSVDialect/directiveLines``):
    /// row numbers start after them.
    private let hiddenLines: Int

    /// The spreadsheet row number of the current record.
    private var rowNumber: Int { reader.recordCount - hiddenLines }

    /// ``CSVOptions/keepsBlankLines``.
    private let keepsBlankLines: Bool
    /// ``CSVOptions/unwrapsTextFormulas``.
    private let unwrapsTextFormulas: Bool

    /// Whether the current record holds a text formula to unwrap (its quotes are stray quotes, so
    /// a record without any holds none: the usual record costs one comparison).
    private var holdsTextFormula: Bool {
        unwrapsTextFormulas && reader.strayQuotes > 0 && (0..<reader.fieldCount).contains { Self.textFormula(reader.field($0)) != nil }
    }

    /// The text inside `="…"`, when the field is exactly that and holds no other quote.
    static func textFormula(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard f.count >= 3, f[0] == UInt8(ascii: "="), f[1] == UInt8(ascii: "\""), f[f.count - 1] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: f[2..<(f.count - 1)])
        return inner.contains(UInt8(ascii: "\"")) ? nil : inner
    }

    public mutating func next() throws -> Row? {
        while try reader.next() {
            let count = reader.fieldCount
            if count == 0 {
                if keepsBlankLines { rowsRead += 1; return Row(number: rowNumber, line: reader.line, cells: []) }
                blankLinesSkipped += 1; continue
            }
            var cells: [CellValue] = []
            cells.reserveCapacity(count)
            let invalid = firstInvalidColumn()
            let formulas = holdsTextFormula
            let marks = strayMarkColumn()
            for i in 0..<count {
                var f = reader.field(i)
                if formulas, let inner = Self.textFormula(f) { f = inner }
                if f.isEmpty { cells.append(.empty); continue }
                if (invalid == nil || UTF8Validator.isValid(f, allowTruncatedEnd: false)) && marks == nil {
                    cells.append(.text(String(decoding: f, as: UTF8.self)))
                } else {
                    var bytes: [UInt8] = []
                    if invalid == nil { bytes.append(contentsOf: f) } else { UTF8Validator.repairingAsWindows1252(f, into: &bytes) }
                    if marks != nil { StrayMarks.remove(from: &bytes, startingAt: 0) }
                    cells.append(bytes.isEmpty ? .empty : .text(String(decoding: bytes, as: UTF8.self)))
                }
            }
            checkRecord(invalidColumn: invalid, textFormulas: formulas, strayMarkColumn: marks)
            return Row(number: rowNumber, line: reader.line, cells: cells)
        }
        return nil
    }

    /// Appends up to `limit` rows as bytes: the rows ``next()`` would return, with the same
    /// diagnostics. Returns whether it appended any.
    public mutating func next(into rows: inout TextRows, limit: Int) throws -> Bool {
        var added = 0
        while added < limit, try reader.next() {
            if reader.fieldCount == 0 {
                if keepsBlankLines {
                    rows.append(number: rowNumber, line: reader.line, record: reader.recordBytes, ends: reader.recordFieldEnds)
                    rowsRead += 1; added += 1
                    continue
                }
                blankLinesSkipped += 1; continue
            }
            let invalid = firstInvalidColumn()
            let formulas = holdsTextFormula
            let marks = strayMarkColumn()
            if invalid == nil && !formulas && marks == nil {
                rows.append(number: rowNumber, line: reader.line, record: reader.recordBytes, ends: reader.recordFieldEnds)
            } else {
                repaired.removeAll(keepingCapacity: true); repairedEnds.removeAll(keepingCapacity: true)
                for i in 0..<reader.fieldCount {
                    var f = reader.field(i)
                    if formulas, let inner = Self.textFormula(f) { f = inner }
                    let start = repaired.count
                    if invalid == nil { repaired.append(contentsOf: f) } else { UTF8Validator.repairingAsWindows1252(f, into: &repaired) }
                    if marks != nil { StrayMarks.remove(from: &repaired, startingAt: start) }
                    repairedEnds.append(repaired.count)
                }
                repaired.withUnsafeBufferPointer { r in
                    repairedEnds.withUnsafeBufferPointer { rows.append(number: rowNumber, line: reader.line, record: r, ends: $0) }
                }
            }
            checkRecord(invalidColumn: invalid, textFormulas: formulas, strayMarkColumn: marks)
            added += 1
        }
        return added > 0
    }

    /// A record whose bytes are not all UTF-8, as UTF-8 (``UTF8Validator/repairingAsWindows1252(_:into:)``).
    private var repaired: [UInt8] = [], repairedEnds: [Int] = []

    /// Counts the record just read and reports what is wrong with it (`invalidColumn`: the first
    /// column whose bytes are not UTF-8).
    private mutating func checkRecord(invalidColumn: Int?, textFormulas: Bool = false, strayMarkColumn: Int? = nil) {
        let number = rowNumber
        rowsRead += 1
        check(number: number, count: reader.fieldCount, textFormulas: textFormulas)
        if let column = invalidColumn { reportInvalidUTF8(number: number, column: column) }
        if let column = strayMarkColumn {
            diagnostics.append(Diagnostic(.warning, code: "CSV-STRAY-MARK",
                                          "a NUL byte or byte-order mark inside the row (two files joined into one?), removed from its text",
                                          at: SourceLocation(file: path, row: number, column: column, line: reader.line,
                                                             byteOffset: utf8Offsets ? reader.byteOffset : nil)))
        }
    }

    /// The first column (1-based) of the current record holding a NUL or a byte-order mark
    /// (``StrayMarks``), if any: nearly every record holds none, found by two `memchr`s.
    private func strayMarkColumn() -> Int? {
        guard StrayMarks.contains(reader.recordBytes) else { return nil }
        return (0..<reader.fieldCount).first { StrayMarks.contains(reader.field($0)) }.map { $0 + 1 }
    }

    /// The first column (1-based) of the current record whose bytes are not UTF-8 (their cell's
    /// text is read with its stray bytes as Windows-1252).
    private func firstInvalidColumn() -> Int? {
        let record = reader.recordBytes
        guard UTF8Validator.firstNonASCII(record) != nil else { return nil }
        // A valid record holds only valid fields unless a sequence runs across a field's start,
        // which then starts with a continuation byte.
        let ends = reader.recordFieldEnds
        if UTF8Validator.isValid(record, allowTruncatedEnd: false),
           !ends.dropLast().contains(where: { $0 < record.count && record[$0] & 0xC0 == 0x80 }) { return nil }
        for i in 0..<reader.fieldCount where !UTF8Validator.isValid(reader.field(i), allowTruncatedEnd: false) { return i + 1 }
        return nil
    }

    private mutating func check(number: Int, count: Int, textFormulas: Bool = false) {
        // The first row sets the width, unless it and all after it so far are single fields: title
        // lines above the table (kept when the caller reads the preamble), whose width says nothing.
        if expectedWidth == nil || (onlySingleFields && count > 1) { expectedWidth = count }
        if count > 1 { onlySingleFields = false }
        // The usual row has nothing to report: nothing is built for it.
        // Text formulas' quotes are theirs: no stray quote when they explain them all.
        let stray = reader.strayQuotes - (textFormulas ? 2 * (0..<count).filter { Self.textFormula(reader.field($0)) != nil }.count : 0)
        guard stray > 0 || reader.unterminatedQuote || count != expectedWidth else { return }
        let location = SourceLocation(file: path, row: number, line: reader.line,
                                      byteOffset: utf8Offsets ? reader.byteOffset : nil)
        if stray > 0 {
            var at = location
            at.line = reader.strayQuoteLine
            diagnostics.append(Diagnostic(.warning, code: "CSV-STRAY-QUOTE",
                                          "a quote inside an unquoted field was read as text, as spreadsheet programs do",
                                          at: at))
        }
        if reader.unterminatedQuote {
            diagnostics.append(Diagnostic(.warning, code: "CSV-UNTERMINATED-QUOTE",
                                          "a quote opened in this row never closes; the rest of the file was read into one field",
                                          at: location))
        }
        if let expected = expectedWidth, count != expected {
            diagnostics.append(Diagnostic(.warning, code: "CSV-RAGGED-ROW",
                                          "row has \(count) fields, the table's first row has \(expected); all fields kept",
                                          at: location, expected: "\(expected) fields", found: "\(count) fields"))
        }
    }

    /// Only UTF-8 input can hold invalid sequences here (the other decoders emit valid UTF-8): the
    /// file is mostly UTF-8, but this row was typed in another encoding.
    private mutating func reportInvalidUTF8(number: Int, column: Int) {
        diagnostics.append(Diagnostic(.warning, code: "CSV-INVALID-UTF8",
                                      "the file is UTF-8 but this row is not: its bytes that are not UTF-8 were read as Windows-1252 (é, ñ); check its accented letters",
                                      at: SourceLocation(file: path, row: number, column: column, line: reader.line,
                                                         byteOffset: utf8Offsets ? reader.byteOffset : nil)))
    }

    public mutating func drainDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
}
