import Tabular

/// A value merged down over several data rows (a customer's name and RIF beside each of its
/// invoices) belongs to every row it spans, though the file stores it in the top row only: each row
/// below gets the top-left value in the range's first column. Header rows are left alone (table
/// finding reads merged headers itself) and so are ranges across one row (a note spread over
/// columns is one value, not one per column).
///
/// A sweep over rows in ascending order, so it serves a window held in memory and the rows
/// streamed after it alike.
struct MergedDataFill {
    private struct Active {
        var range: CellRange
        var value: CellValue?
        var filled = 0
    }

    private let file: String
    private let sheet: String?
    /// Ranges over more than one row, by first row.
    private let ranges: [CellRange]
    private var nextRange = 0
    private var active: [Active] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(merged: [CellRange], file: String, sheet: String?) {
        ranges = merged.filter { $0.last.row > $0.first.row }.sorted { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }
        self.file = file; self.sheet = sheet
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// Fills `row` from the ranges above it; `isData` says whether the row is a table's data row
    /// (only a data row's value is carried down).
    mutating func apply(to row: inout Row, isData: Bool) {
        while nextRange < ranges.count, ranges[nextRange].first.row <= row.number {
            active.append(Active(range: ranges[nextRange]))
            nextRange += 1
        }
        guard !active.isEmpty else { return }
        for i in active.indices where active[i].range.last.row >= row.number {
            let range = active[i].range, column = range.first.column
            if row.number == range.first.row {
                let value = row[column: column]
                if isData, !value.isBlank { active[i].value = value }
            } else if let value = active[i].value, isData, row[column: column].isBlank {
                if row.cells.count < column {
                    row.cells.append(contentsOf: repeatElement(.empty, count: column - row.cells.count))
                }
                row.cells[column - 1] = value
                active[i].filled += 1
            }
        }
        retire { $0.range.last.row <= row.number }
    }

    /// Reports the ranges still open at the end of the sheet.
    mutating func finish() { retire { _ in true } }

    private mutating func retire(where done: (Active) -> Bool) {
        for a in active where done(a) && a.filled > 0 {
            diagnostics.append(Diagnostic(.info, code: "MAP-MERGED-VALUE-FILLED",
                "merged range \(a.range): its value applies to each of the \(a.filled + 1) rows it spans",
                at: SourceLocation(file: file, sheet: sheet, row: a.range.first.row, column: a.range.first.column),
                found: a.value?.displayText))
        }
        active.removeAll(where: done)
    }
}
