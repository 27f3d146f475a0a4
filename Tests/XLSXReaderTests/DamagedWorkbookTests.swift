import Foundation
import Tabular
import TestSupport
import Testing
@testable import XLSXReader
import ZipArchive

/// A sheet state outside the schema makes a damaged workbook: Excel opens it only after a repair,
/// calamine and openpyxl refuse it, and so does Consolida, with an error that says what to do.
struct DamagedWorkbookTests {
    /// `layout.xlsx` with its hidden sheet's state rewritten.
    static func layout(withState state: String) throws -> String {
        let zip = try ZipArchive(path: fixture("layout.xlsx"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).xlsx").path
        let writer = try ZipWriter(path: path)
        for entry in zip.entries {
            var bytes = try zip.contents(of: entry)
            if entry.name == "book/main.xml" {
                bytes = Array(String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(of: "state=\"hidden\"", with: "state=\"\(state)\"").utf8)
            }
            try writer.addEntry(named: entry.name, contents: bytes)
        }
        try writer.finish()
        return path
    }

    @Test func anUnknownSheetStateIsADamagedWorkbook() throws {
        let path = try Self.layout(withState: "show")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: XLSXError.damagedWorkbook(path: path, detail: "a sheet's state is \"show\", not visible, hidden or veryHidden")) {
            _ = try XLSXWorkbook(path: path)
        }
        #expect(XLSXError.damagedWorkbook(path: "a.xlsx", detail: "x").description.contains("repair"))
    }

    /// Two sheets naming one part (no writer does; a hostile file does, to have one compressed part
    /// inflated once per sheet): the part is read once, as the first sheet, the other is empty.
    @Test func sheetsSharingAPartReadItOnce() throws {
        let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>"#
        let path = try HandWrittenPackage.write([
            "_rels/.rels": HandWrittenPackage.rootRelationships(main: "xl/workbook.xml"),
            "xl/workbook.xml": """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"                 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>                <sheet name="Uno" sheetId="1" r:id="rId1"/><sheet name="Dos" sheetId="2" r:id="rId1"/>                <sheet name="Tres" sheetId="3" r:id="rId2"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>                </Relationships>
                """,
            "xl/worksheets/sheet1.xml": sheet,
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        #expect(book.openingDiagnostics.filter { $0.code == "XLSX-SHARED-SHEET-PART" }.map(\.location?.sheet) == ["Dos", "Tres"])
        var first = try book.rowStream(ofSheet: 0), second = try book.rowStream(ofSheet: 1)
        #expect(try first.nextRow()?.cells == [.number(7)])
        #expect(try second.nextRow() == nil)
    }

    /// A workbook whose shared strings part is gone cannot show its text: one error per sheet (not
    /// a warning per cell), which makes the source one that was not read in full.
    @Test func aMissingSharedStringsPartIsOneErrorPerSheet() throws {
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
                <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>100</v></c></row>
                """, sharedStringsRelationship: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        var stream = try book.rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let r = try stream.nextRow() { rows.append(r) }
        let problems = stream.drainDiagnostics()
        // The number is read; the text cells are empty (the first row, all text, is no row at all).
        #expect(rows.last?.number == 2 && rows.last?.cells.last == .number(100))
        #expect(problems.map(\.code) == ["XLSX-MISSING-SHARED-STRINGS"])
        #expect(problems.first?.severity == .error && problems.first?.location?.cell?.a1 == "A1")
    }

    /// Malformed XML in the string table keeps the strings before the break, but is an error: the
    /// cells naming the others lose their text, so the workbook was read in part.
    @Test func aMalformedSharedStringsPartIsAnError() throws {
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
                """, sharedStrings: """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Cliente</t></si>\
                <si><t>Ferretería A & B</t></si></sst>
                """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        let problem = try #require(book.openingDiagnostics.first)
        #expect(problem.code == "XLSX-MALFORMED-SHARED-STRINGS" && problem.severity == .error)
        var stream = try book.rowStream(ofSheet: 0)
        let row = try #require(try stream.nextRow())
        #expect(row.cells.first == .text("Cliente"))
    }

    /// A cell's text beyond what Excel holds (32,767 characters) is cut, at a character's end, and
    /// said: a hostile cell of megabytes is not carried through the import whole.
    @Test func aCellLongerThanExcelAllowsIsCut() throws {
        let long = String(repeating: "é", count: 70_000)  // 140,000 bytes
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1" t="inlineStr"><is><t>\(long)</t></is></c><c r="B1" t="s"><v>0</v></c></row>
                """, sharedStrings: """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>\(long)</t></si></sst>
                """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        #expect(book.openingDiagnostics.map(\.code) == ["XLSX-CELL-TOO-LONG"])
        var stream = try book.rowStream(ofSheet: 0)
        let row = try #require(try stream.nextRow())
        let kept = String(repeating: "é", count: CellTextLimit.bytes / 2)
        #expect(row.cells == [.text(kept), .text(kept)])
        let problems = stream.drainDiagnostics()
        #expect(problems.map(\.code) == ["XLSX-CELL-TOO-LONG"] && problems.first?.location?.cell?.a1 == "A1")
    }

    /// A row number or a cell reference outside the sheet is read in its place after the previous
    /// one, and said once (the row's place in the outputs is a guess).
    @Test func referencesOutsideTheSheetAreSaid() throws {
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>\
                <row r="1048577"><c r="A1048577"><v>3</v></c><c r="B1048577"><v>4</v></c></row>
                """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stream = try XLSXWorkbook(path: path).rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let r = try stream.nextRow() { rows.append(r) }
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows.map(\.cells) == [[.number(1), .number(2)], [.number(3), .number(4)]])
        #expect(stream.drainDiagnostics().map { "\($0.code) \($0.found ?? "")" }
                == ["XLSX-BAD-CELL-REFERENCE XFE1", "XLSX-BAD-ROW-NUMBER 1048577"])
    }

    /// A row number repeated or going back is read after the previous row, and said: two rows
    /// at one place would give two records one ID.
    @Test func rowsOutOfOrderAreReadInOrder() throws {
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>\
                <row r="3"><c r="A3"><v>4</v></c></row><row r="2"><c r="A2"><v>5</v></c></row>\
                <row r="9"><c r="A9"><v>9</v></c></row>
                """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stream = try XLSXWorkbook(path: path).rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let r = try stream.nextRow() { rows.append(r) }
        #expect(rows.map(\.number) == [1, 3, 4, 5, 9])
        #expect(rows.map(\.cells) == [[.number(1)], [.number(3)], [.number(4)], [.number(5)], [.number(9)]])
        #expect(stream.drainDiagnostics().map { "\($0.code) \($0.found ?? "")" } == ["XLSX-ROW-OUT-OF-ORDER 3", "XLSX-ROW-OUT-OF-ORDER 2"])
    }

    /// A cell given twice in its row: the later value is read, and the earlier one said.
    @Test func aCellGivenTwiceIsSaid() throws {
        let path = try HandWrittenPackage.workbook(sheetName: "Cartera", sheetData: """
                <row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>101</v></c><c r="B1"><v>999</v></c></row>
                """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stream = try XLSXWorkbook(path: path).rowStream(ofSheet: 0)
        let row = try stream.nextRow()
        #expect(row?.cells == [.number(1), .number(999)])
        #expect(stream.drainDiagnostics().map { "\($0.code) \($0.found ?? "")" } == ["XLSX-DUPLICATE-CELL 101"])
    }

    /// A Word document saved under a workbook's name names its main part as an office document
    /// too: it is refused as what it is.
    @Test func aWordDocumentIsNoWorkbook() throws {
        let path = try HandWrittenPackage.write([
            "_rels/.rels": HandWrittenPackage.rootRelationships(main: "word/document.xml"),
            "word/document.xml": "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: XLSXError.noWorkbookPart(path: path, detail: "it is a Word document")) { _ = try XLSXWorkbook(path: path) }
    }

    @Test func theSchemasStatesOpen() throws {
        let path = try Self.layout(withState: "veryHidden")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try XLSXWorkbook(path: path).sheets.map(\.visibility) == [.visible, .veryHidden, .veryHidden])
    }
}
