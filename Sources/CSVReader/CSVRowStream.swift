import Tabular

/// The rows of a ``CSVFile`` as text cells (`""` → `.empty`), with their spreadsheet row number and
/// physical line. Blank lines are skipped (the numbers after them jump, as in a spreadsheet);
/// ragged rows are kept whole and reported.
public struct CSVRowStream: RowStream {
    private let reader: CSVRecordReader
    private let path: String
    private let utf8Offsets: Bool
    private var diagnostics: [Diagnostic] = []
    /// The field count of the first row (the header when there is one); ragged rows are measured against it.
    public private(set) var expectedWidth: Int?
    /// Rows returned so far.
    public private(set) var rowsRead = 0
    /// Blank lines skipped.
    public private(set) var blankLinesSkipped = 0

    init(file: CSVFile, reader: CSVRecordReader) {
        self.reader = reader
        self.path = file.path
        self.utf8Offsets = file.detectedEncoding.encoding == .utf8
    }

    public mutating func next() throws -> Row? {
        while try reader.next() {
            let count = reader.fieldCount
            if count == 0 { blankLinesSkipped += 1; continue }
            let number = reader.recordCount
            var cells: [CellValue] = []
            cells.reserveCapacity(count)
            var repairedColumn: Int?
            for i in 0..<count {
                let f = reader.field(i)
                if f.isEmpty { cells.append(.empty); continue }
                let s = String(decoding: f, as: UTF8.self)
                // Repairing invalid UTF-8 changes the length (each bad sequence becomes U+FFFD).
                if repairedColumn == nil, s.utf8.count != f.count { repairedColumn = i + 1 }
                cells.append(.text(s))
            }
            rowsRead += 1
            check(number: number, count: count)
            if let column = repairedColumn { reportInvalidUTF8(number: number, column: column) }
            return Row(number: number, line: reader.line, cells: cells)
        }
        return nil
    }

    private mutating func check(number: Int, count: Int) {
        if expectedWidth == nil { expectedWidth = count }
        // The usual row has nothing to report: nothing is built for it.
        guard reader.strayQuotes > 0 || reader.unterminatedQuote || count != expectedWidth else { return }
        let location = SourceLocation(file: path, row: number, line: reader.line,
                                      byteOffset: utf8Offsets ? reader.byteOffset : nil)
        if reader.strayQuotes > 0 {
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
                                          "row has \(count) fields, the first row has \(expected); all fields kept",
                                          at: location, expected: "\(expected) fields", found: "\(count) fields"))
        }
    }

    /// Only UTF-8 input can hold invalid sequences here (the other decoders emit valid UTF-8): the
    /// sample that chose UTF-8 was clean, but this part of the file is not.
    private mutating func reportInvalidUTF8(number: Int, column: Int) {
        diagnostics.append(Diagnostic(.warning, code: "CSV-INVALID-UTF8",
                                      "bytes that are not UTF-8 were replaced with U+FFFD; if the file mixes encodings, read it with --encoding windows-1252",
                                      at: SourceLocation(file: path, row: number, column: column, line: reader.line,
                                                         byteOffset: utf8Offsets ? reader.byteOffset : nil)))
    }

    public mutating func drainDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
}
