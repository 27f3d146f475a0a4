import Receivables
import Tabular

/// `rejects.csv`: every input row or value that was not imported, with the place and the reason.
///
/// `source_cell` is the A1 cell when the reject concerns one cell of a workbook or CSV row;
/// `code` is the stable reject code (`MAP-NO-AMOUNT`), `reason` the explanation, `raw_text` the
/// row's cells joined by ` | ` (or the text line).
public enum RejectsTable {
    public static let fileName = "rejects.csv"
    public static let columns: [OutputColumn] = LocationColumns.columns + [
        OutputColumn("source_cell"), OutputColumn("code"), OutputColumn("reason"), OutputColumn("raw_text"),
    ]

    /// Codes of the diagnostics that say a value was not imported while its row was (a due date
    /// that reads as no date, a currency cell that names no currency): rejects.csv lists them with
    /// the rows, at their cell, as DESIGN.md has it ("every input row or value not imported").
    public static let droppedValueCodes: Set<String> = ["MAP-DUE-DATE-UNREADABLE", "MAP-CURRENCY-UNKNOWN", "MAP-CURRENCY-MISMATCH"]

    /// The values `diagnostics` say were not imported, as rejects (reason: the diagnostic's message,
    /// raw text: the cell's). Past ``ImportBatch/listedPerCode`` of one code in one table they
    /// are only counted, in the import summary's diagnostics.
    public static func droppedValues(_ diagnostics: [Diagnostic]) -> [Reject] {
        diagnostics.compactMap { d in
            guard droppedValueCodes.contains(d.code), let location = d.location else { return nil }
            return Reject(location: location, code: d.code, reason: d.message, rawText: d.found ?? "")
        }
    }

    /// The rejects in output order: file, sheet, row, line, column, then code, reason and text.
    public static func ordered(_ input: ReportInput) -> [Reject] {
        (input.batch.rejects + droppedValues(input.batch.diagnostics)).sorted { a, b in
            let la = a.location, lb = b.location
            if la.file != lb.file { return la.file.unicodeScalars.lexicographicallyPrecedes(lb.file.unicodeScalars) }
            if (la.sheet ?? "") != (lb.sheet ?? "") {
                return (la.sheet ?? "").unicodeScalars.lexicographicallyPrecedes((lb.sheet ?? "").unicodeScalars)
            }
            let na = [la.row ?? -1, la.line ?? -1, la.column ?? -1], nb = [lb.row ?? -1, lb.line ?? -1, lb.column ?? -1]
            if na != nb { return na.lexicographicallyPrecedes(nb) }
            for (x, y) in zip([a.code, a.reason, a.rawText], [b.code, b.reason, b.rawText]) where x != y {
                return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            }
            return false
        }
    }

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = ordered(input).map { r in
            LocationColumns.cells(r.location)
                + [.text(r.location.cell?.a1), .text(r.code), .text(r.reason), .text(r.rawText)]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
    }
}
