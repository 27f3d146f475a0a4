import Foundation
import Tabular
import ZipArchive

/// A one-sheet workbook written for a test, so an import reads it through the XLSX reader: a cell
/// that reads as a number is written as one (but not a zero-padded one), any other as an inline string.
enum TestWorkbook {
    /// Writes `rows` (row 1 first, column A first; `""` leaves a cell out) to a temporary file,
    /// with `hiddenColumns` marked hidden, and returns its path.
    static func write(named name: String, sheet: String, rows: [[String]], hiddenColumns: [ClosedRange<Int>] = []) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid()).xlsx").path
        let zip = try ZipWriter(path: path)
        func add(_ name: String, _ xml: String) throws { try zip.addEntry(named: name, contents: Array(xml.utf8)) }
        try add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(escaped(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            </Relationships>
            """)
        try add("xl/worksheets/sheet1.xml", """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            \(columns(hidden: hiddenColumns))<sheetData>\(sheetData(rows))</sheetData></worksheet>
            """)
        try zip.finish()
        return path
    }

    /// The `<cols>` element that hides the given columns (none without them).
    private static func columns(hidden: [ClosedRange<Int>]) -> String {
        guard !hidden.isEmpty else { return "" }
        let cols = hidden.map { "<col min=\"\($0.lowerBound)\" max=\"\($0.upperBound)\" width=\"0\" hidden=\"1\"/>" }
        return "<cols>" + cols.joined() + "</cols>"
    }

    private static func sheetData(_ rows: [[String]]) -> String {
        rows.enumerated().map { r, cells in
            let xml = cells.enumerated().filter { !$0.element.isEmpty }.map { c, text in
                let ref = CellRef(row: r + 1, column: c + 1).a1
                // (`00502` is a document number as typed: text.)
                let isNumber = Double(text) != nil && !(text.count > 1 && text.hasPrefix("0") && !text.hasPrefix("0."))
                return isNumber ? "<c r=\"\(ref)\"><v>\(text)</v></c>"
                    : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
            }
            return "<row r=\"\(r + 1)\">\(xml.joined())</row>"
        }.joined()
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
