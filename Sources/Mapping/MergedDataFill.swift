import Tabular

/// A value merged down over several data rows (a customer's name and RIF beside each of its
/// invoices) belongs to every row it spans, though the file stores it in the top row only: each row
/// below gets the top-left value in the range's first column. Header rows are left alone (table
/// finding reads merged headers itself) and so are ranges across one row (a note spread over
/// columns is one value, not one per column).
enum MergedDataFill {
    /// Fills `rows` in place; one info diagnostic per range that filled a row.
    static func apply(to rows: inout [Row], merged: [CellRange], tables: [TableRegion], file: String,
                      sheet: String?) -> [Diagnostic] {
        let vertical = merged.filter { $0.last.row > $0.first.row }
        guard !vertical.isEmpty, !tables.isEmpty else { return [] }
        var indexOfRow: [Int: Int] = [:]
        for (i, row) in rows.enumerated() where indexOfRow[row.number] == nil { indexOfRow[row.number] = i }
        var diagnostics: [Diagnostic] = []
        for range in vertical {
            guard let top = indexOfRow[range.first.row],
                  let table = tables.first(where: { $0.dataStartIndex <= top && top < $0.endIndex }) else { continue }
            let column = range.first.column
            let value = rows[top][column: column]
            guard !value.isBlank else { continue }
            var filled = 0
            for number in (range.first.row + 1)...range.last.row {
                // Rows with no cells at all may be missing from the stream; they stay missing.
                guard let i = indexOfRow[number], i < table.endIndex, rows[i][column: column].isBlank else { continue }
                if rows[i].cells.count < column {
                    rows[i].cells.append(contentsOf: repeatElement(.empty, count: column - rows[i].cells.count))
                }
                rows[i].cells[column - 1] = value
                filled += 1
            }
            if filled > 0 {
                diagnostics.append(Diagnostic(.info, code: "MAP-MERGED-VALUE-FILLED",
                    "merged range \(range): its value applies to each of the \(filled + 1) rows it spans",
                    at: SourceLocation(file: file, sheet: sheet, row: range.first.row, column: column),
                    found: value.displayText))
            }
        }
        return diagnostics
    }
}
