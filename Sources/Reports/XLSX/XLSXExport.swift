import Foundation
import Tabular
import ZipArchive

/// The parts of `consolidated.xlsx` (SpreadsheetML), built from the same ``OutputTable``s as the CSV
/// files: one sheet per table, header row frozen and filtered, real numbers and real dates.
///
/// Strings are written as inline strings (`t="inlineStr"`) and no cell ever carries a formula
/// (`<f>`), so text such as `=HYPERLINK(…)` is shown, never run: no apostrophe is needed here.
/// Such a text also takes a style with `quotePrefix` (``Style/quotedText``), Excel's own mark of a
/// leading apostrophe: editing the cell (F2, Enter) keeps it text instead of making it a formula.
/// The parts hold no timestamps, so equal tables give equal bytes.
public enum XLSXExport {
    /// Excel's limits: rows per sheet (the header takes one) and characters per cell.
    static let maxDataRowsPerSheet = 1_048_575
    static let maxCellCharacters = 32_767

    /// Style indices in `styles.xml` (`cellXfs`).
    enum Style: Int {
        case general = 0, date = 1, decimal2 = 2, header = 3, decimal4 = 4, integer = 5, decimal3 = 6, decimal1 = 7
        case quotedText = 8
    }

    /// Every part, `[Content_Types].xml` first, in a fixed order.
    public static func parts(_ tables: [OutputTable]) -> [OutputFile] {
        let sheets = sheetList(tables)
        var parts: [OutputFile] = [
            OutputFile(name: "[Content_Types].xml", bytes: utf8(contentTypes(sheetCount: sheets.count))),
            OutputFile(name: "_rels/.rels", bytes: utf8(rootRels)),
            OutputFile(name: "xl/workbook.xml", bytes: utf8(workbook(sheets.map(\.name)))),
            OutputFile(name: "xl/_rels/workbook.xml.rels", bytes: utf8(workbookRels(sheetCount: sheets.count))),
            OutputFile(name: "xl/styles.xml", bytes: utf8(styles)),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(OutputFile(name: "xl/worksheets/sheet\(i + 1).xml",
                                    bytes: utf8(XLSXExportSheet.xml(columns: sheet.table.columns, rows: sheet.rows))))
        }
        return parts
    }

    public static let fileName = "consolidated.xlsx"

    /// Writes the workbook to `path` through ``ZipWriter`` (which writes beside it and renames into
    /// place). Sheets are streamed into the zip in chunks, so a sheet of a million rows is never
    /// one string in memory.
    public static func write(_ tables: [OutputTable], to path: String) throws(ZipError) {
        let sheets = sheetList(tables)
        let zip = try ZipWriter(path: path)
        try zip.addEntry(named: "[Content_Types].xml", contents: utf8(contentTypes(sheetCount: sheets.count)))
        try zip.addEntry(named: "_rels/.rels", contents: utf8(rootRels))
        try zip.addEntry(named: "xl/workbook.xml", contents: utf8(workbook(sheets.map(\.name))))
        try zip.addEntry(named: "xl/_rels/workbook.xml.rels", contents: utf8(workbookRels(sheetCount: sheets.count)))
        try zip.addEntry(named: "xl/styles.xml", contents: utf8(styles))
        for (i, sheet) in sheets.enumerated() {
            try zip.writeEntry(named: "xl/worksheets/sheet\(i + 1).xml") { (sink: inout ZipEntrySink) throws(ZipError) in
                try sink.write(utf8(XLSXExportSheet.head(columns: sheet.table.columns, rows: sheet.rows)))
                var buffer = ""
                var number = 2
                for row in sheet.rows {
                    buffer += XLSXExportSheet.row(row, number: number)
                    number += 1
                    if buffer.utf8.count >= 1 << 16 {
                        try sink.write(utf8(buffer))
                        buffer = ""
                    }
                }
                buffer += XLSXExportSheet.tail(columns: sheet.table.columns, rowCount: sheet.rows.count)
                try sink.write(utf8(buffer))
            }
        }
        try zip.finish()
    }

    /// Sheet names from file names (`customers.csv` → `customers`), a table too long for one sheet
    /// continued on `invoices_2`, …; names cut to Excel's 31 characters.
    static func sheetList(_ tables: [OutputTable], rowsPerSheet: Int = maxDataRowsPerSheet)
        -> [(name: String, table: OutputTable, rows: ArraySlice<[OutputCell]>)] {
        var out: [(name: String, table: OutputTable, rows: ArraySlice<[OutputCell]>)] = []
        for t in tables {
            var base = t.fileName
            if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
            base = String(base.filter { !"[]:*?/\\".contains($0) }.prefix(28))
            if base.isEmpty { base = "sheet" }
            var start = 0, part = 1
            repeat {
                let end = min(t.rows.count, start + max(1, rowsPerSheet))
                out.append((part == 1 ? base : "\(base)_\(part)", t, t.rows[start..<end]))
                start = end; part += 1
            } while start < t.rows.count
        }
        return out
    }

    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheetCount: Int) -> String {
        var s = xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in stride(from: 1, through: sheetCount, by: 1) {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    static let rootRels = xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" "
        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        + "Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ names: [String]) -> String {
        var s = xmlHeader + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            s += "<sheet name=\"\(XLSXExportSheet.escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    static func workbookRels(sheetCount: Int) -> String {
        var s = xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 0..<sheetCount {
            s += "<Relationship Id=\"rId\(i + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheetCount + 1)\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// Styles in the order of ``Style``: general, ISO date, `#,##0.00`, bold header, `0.0000`,
    /// integer, `#,##0.000`, `0.0`.
    static let styles = xmlHeader
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"0.0000\"/><numFmt numFmtId=\"166\" formatCode=\"#,##0.000\"/>"
        + "<numFmt numFmtId=\"167\" formatCode=\"0.0\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"9\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}
