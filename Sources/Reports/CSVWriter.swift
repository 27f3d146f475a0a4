import Foundation

/// Writes an ``OutputTable`` as RFC 4180 CSV: UTF-8 without BOM, `,` separator, `\n` line ends
/// (RFC 4180 says CRLF, but every consumer accepts LF and it keeps diffs clean), a header row, and
/// fields quoted only when they contain `,`, `"`, CR or LF (quotes doubled inside).
///
/// Text cells are passed through ``FormulaGuard``; numbers, dates and booleans are written as
/// Consolida formatted them (`.` decimals, ISO dates, `true`/`false`).
public enum CSVWriter {
    public static func render(_ table: OutputTable) -> String {
        var out = ""
        appendRecord(table.header, to: &out)
        for row in table.rows {
            appendRecord(row.map(field), to: &out)
        }
        return out
    }

    public static func data(_ table: OutputTable) -> [UInt8] { Array(render(table).utf8) }

    /// The text written for one cell, before quoting.
    static func field(_ cell: OutputCell) -> String {
        if case .text(let s) = cell { return FormulaGuard.neutralize(s) }
        return cell.plainText
    }

    static func appendRecord(_ fields: [String], to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += quoted(f)
        }
        out += "\n"
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
