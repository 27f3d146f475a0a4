import Foundation
import Testing
@testable import Reports

@Suite struct XLSXWorkbookTests {
    let parts = XLSXWorkbook.parts(OutputWriter.tables(Sample.input))

    func part(_ name: String) -> String {
        parts.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func everyPartIsWellFormedXML() {
        #expect(parts.count == 5 + 10)
        for p in parts {
            let text = String(decoding: p.bytes, as: UTF8.self)
            let body = text.replacingOccurrences(of: XLSXWorkbook.xmlHeader, with: "")
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
        #expect(sheet.contains("<c r=\"B4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+2</t></is></c>"))
        #expect(sheet.contains("&lt;script&gt;"))
        for p in parts { #expect(!String(decoding: p.bytes, as: UTF8.self).contains("<f>"), "\(p.name)") }
        let invoices = part("xl/worksheets/sheet4.xml")
        #expect(invoices.contains("<c r=\"I4\" s=\"2\"><v>-120.5</v></c>"))
        #expect(invoices.contains("<c r=\"M2\" t=\"b\"><v>1</v></c>"))
    }

    @Test(arguments: [("2026-03-31", 46112), ("1970-01-01", 25569), ("2000-02-29", 36585)])
    func datesAreExcelSerials(iso: String, serial: Int) {
        #expect(XLSXSheet.cell(.date(Sample.date(iso)), ref: "A1") == "<c r=\"A1\" s=\"1\"><v>\(serial)</v></c>")
    }

    @Test func longTablesContinueOnAnotherSheet() {
        let table = OutputTable(fileName: "big.csv", columns: [OutputColumn("n", .integer)],
                                rows: Array(repeating: [OutputCell.integer(1)], count: 5))
        #expect(XLSXWorkbook.sheetList([table]).map(\.name) == ["big"])
        let split = XLSXWorkbook.sheetList([table], rowsPerSheet: 2)
        #expect(split.map(\.name) == ["big", "big_2", "big_3"])
        #expect(split.map(\.rows.count) == [2, 2, 1])
        #expect(XLSXWorkbook.sheetList([OutputTable(fileName: "x.csv", columns: [], rows: [])]).count == 1)
    }

    @Test func sameTablesGiveSameBytes() {
        #expect(parts == XLSXWorkbook.parts(OutputWriter.tables(Sample.input)))
    }
}
