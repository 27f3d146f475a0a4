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

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.batch.rejects.map { r in
            LocationColumns.cells(r.location)
                + [.text(r.location.cell?.a1), .text(r.code), .text(r.reason), .text(r.rawText)]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["source_file", "source_sheet", "source_row", "source_line"])
    }
}
