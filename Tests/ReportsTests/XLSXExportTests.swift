import Foundation
import Testing
@testable import Reports
import Tabular
import XLSXReader

@Suite struct XLSXExportTests {
    let parts = XLSXExport.parts(OutputWriter.tables(Sample.input))

    func part(_ name: String) -> String {
        parts.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func everyPartIsWellFormedXML() {
        #expect(parts.count == 5 + 10)
        for p in parts {
            let text = String(decoding: p.bytes, as: UTF8.self)
            let body = text.replacingOccurrences(of: XLSXExport.xmlHeader, with: "")
            #expect(WellFormedness(body).problems == [], "\(p.name)")
        }
    }

    @Test func sheetsAreNamedAfterTheFiles() {
        let workbook = part("xl/workbook.xml")
        for name in ["customers", "customer_members", "customer_balances", "invoices", "payments", "contacts",
                     "promises", "discrepancies", "rejects", "worklist"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""), "\(name)")
        }
        #expect(part("[Content_Types].xml").contains("/xl/worksheets/sheet10.xml"))
        #expect(part("xl/_rels/workbook.xml.rels").contains("Target=\"worksheets/sheet10.xml\""))
    }

    @Test func cellsAreTypedAndNeverFormulas() {
        // Sheet 1 is customers.csv: C-00000001's balance is a number, C-00000003's name is text.
        let sheet = part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t>customer_id</t></is></c>"))
        #expect(sheet.contains("<c r=\"J2\" s=\"2\"><v>1179.5</v></c>"))
        #expect(sheet.contains("<c r=\"N2\"><v>2</v></c>"))
        // 2026-03-01 is Excel serial 46082.
        #expect(sheet.contains("<c r=\"M2\" s=\"1\"><v>46082</v></c>"))
        // A formula-like text is text, and its style's quotePrefix keeps it text when edited in Excel.
        #expect(sheet.contains("<c r=\"B4\" s=\"8\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+2</t></is></c>"))
        #expect(part("xl/styles.xml").contains("quotePrefix=\"1\""))
        #expect(sheet.contains("&lt;script&gt;"))
        for p in parts { #expect(!String(decoding: p.bytes, as: UTF8.self).contains("<f>"), "\(p.name)") }
        let invoices = part("xl/worksheets/sheet4.xml")
        #expect(invoices.contains("<c r=\"I4\" s=\"2\"><v>-120.5</v></c>"))
        #expect(invoices.contains("<c r=\"M2\" t=\"b\"><v>1</v></c>"))
    }

    @Test(arguments: [("2026-03-31", 46112), ("1970-01-01", 25569), ("2000-02-29", 36585)])
    func datesAreExcelSerials(iso: String, serial: Int) {
        #expect(XLSXExportSheet.cell(.date(Sample.date(iso)), ref: "A1") == "<c r=\"A1\" s=\"1\"><v>\(serial)</v></c>")
    }

    @Test func longTablesContinueOnAnotherSheet() {
        let table = OutputTable(fileName: "big.csv", columns: [OutputColumn("n", .integer)],
                                rows: Array(repeating: [OutputCell.integer(1)], count: 5))
        #expect(XLSXExport.sheetList([table]).map(\.name) == ["big"])
        let split = XLSXExport.sheetList([table], rowsPerSheet: 2)
        #expect(split.map(\.name) == ["big", "big_2", "big_3"])
        #expect(split.map(\.rows.count) == [2, 2, 1])
        #expect(XLSXExport.sheetList([OutputTable(fileName: "x.csv", columns: [], rows: [])]).count == 1)
    }

    @Test func sameTablesGiveSameBytes() {
        #expect(parts == XLSXExport.parts(OutputWriter.tables(Sample.input)))
    }
}

/// The written workbook, read back with Consolida's own XLSX reader.
@Suite struct XLSXRoundTripTests {
    func written() throws -> (URL, XLSXReader.XLSXWorkbook) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consolida-xlsx-\(UUID().uuidString)")
        try OutputWriter.write(Sample.input, to: dir)
        let url = dir.appendingPathComponent("consolidated.xlsx")
        return (dir, try XLSXReader.XLSXWorkbook(path: url.path))
    }

    func rows(_ book: XLSXReader.XLSXWorkbook, sheet: Int) throws -> [Row] {
        var stream = try book.rows(ofSheet: sheet)
        var out: [Row] = []
        while let row = try stream.next() { out.append(row) }
        return out
    }

    @Test func readsBackWithRealNumbersDatesAndText() throws {
        let (dir, book) = try written()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(book.sheets.map(\.name) == ["customers", "customer_members", "customer_balances", "invoices",
                                            "payments", "contacts", "promises", "discrepancies", "rejects", "worklist"])
        let customers = try rows(book, sheet: 0)
        #expect(customers.count == 4)
        #expect(customers[0][column: 1] == .text("customer_id"))
        #expect(customers[1][column: 2] == .text("Ferretería El Tornillo, C.A."))
        #expect(customers[1][column: 10] == .number(1179.5))
        #expect(customers[1][column: 13] == .date(Sample.date("2026-03-01")))
        #expect(customers[1][column: 14] == .number(2))
        #expect(customers[3][column: 2] == .text("=1+2"))
        let invoices = try rows(book, sheet: 3)
        #expect(invoices[3][column: 9] == .number(-120.5))
        #expect(invoices[1][column: 13] == .boolean(true))
    }

    @Test func writingTwiceGivesTheSameBytes() throws {
        let (a, _) = try written(), (b, _) = try written()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let x = try Data(contentsOf: a.appendingPathComponent("consolidated.xlsx"))
        let y = try Data(contentsOf: b.appendingPathComponent("consolidated.xlsx"))
        #expect(x == y)
        #expect(x.count > 1000)
    }
}
