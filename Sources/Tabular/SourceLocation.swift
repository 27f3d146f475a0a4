/// Where a value came from: file, then sheet and cell for workbooks, or line for text.
///
/// Bases are documented because they are easy to get wrong: `row`, `column` and `line` are
/// 1-based, as a spreadsheet or an editor shows them; `byteOffset` is 0-based.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file path as the user named it (relative paths stay relative).
    public var file: String
    /// The sheet name for workbooks; `nil` for CSV and text.
    public var sheet: String?
    /// The spreadsheet row (for CSV: the record number with the header as row 1 when it is the first line).
    public var row: Int?
    /// The 1-based column.
    public var column: Int?
    /// The physical line in a text file (a CSV record with quoted newlines spans several).
    public var line: Int?
    /// The byte offset in the (decoded-from) file, when known.
    public var byteOffset: Int?

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
                line: Int? = nil, byteOffset: Int? = nil) {
        self.file = file; self.sheet = sheet; self.row = row; self.column = column
        self.line = line; self.byteOffset = byteOffset
    }

    /// The cell in A1 notation when both row and column are known.
    public var cell: CellRef? {
        guard let row, let column, row >= 1, column >= 1 else { return nil }
        return CellRef(row: row, column: column)
    }

    /// The same location narrowed to one column.
    public func withColumn(_ column: Int?) -> SourceLocation {
        var copy = self
        copy.column = column
        return copy
    }

    /// `acme.xlsx › Facturas!C17`, `erp.csv › row 12 (line 14)`, `notas.txt › line 7`.
    public var description: String {
        var s = file
        var place: [String] = []
        if let sheet {
            if let cell { place.append("\(sheet)!\(cell.a1)") }
            else if let row { place.append("\(sheet)!row \(row)") }
            else { place.append(sheet) }
        } else if let cell {
            place.append("\(cell.a1)")
        } else if let row {
            place.append("row \(row)")
        }
        if let line { place.append(place.isEmpty ? "line \(line)" : "(line \(line))") }
        if !place.isEmpty { s += " › " + place.joined(separator: " ") }
        return s
    }
}
