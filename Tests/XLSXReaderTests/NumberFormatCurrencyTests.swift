import Foundation
import Testing
import Tabular
import ZipArchive
@testable import XLSXReader

/// A number format that shows a currency beside the number hands its mark to the row, so an amount
/// typed as a bare number into a `"Bs." #,##0.00` cell keeps the currency the sheet shows.
@Suite struct NumberFormatCurrencyTests {
    @Test(arguments: [
        (#""Bs." #,##0.00"#, "Bs."),
        (#"#,##0.00" Bs.""#, "Bs."),
        ("[$USD] #,##0.00", "USD"),
        ("[$R$-416] #,##0.00", "R$"),
        ("[$€-C0A] #,##0.00", "€"),
        ("#,##0.00 €", "€"),
        ("[$$-409]#,##0.00", "USD"),
        ("[$$-80A]#,##0.00", "MXN"),
        ("[$$-2C0A] #,##0", "ARS"),
        ("$#,##0.00;($#,##0.00)", "$"),
        (#"\$#,##0"#, "$"),
        (#"_("S/"* #,##0.00_)"#, "S/"),
    ])
    func marks(_ code: String, _ mark: String) {
        #expect(NumberFormatCurrency.mark(in: code) == mark)
    }

    static let withoutMarks: [String] = [
        "#,##0.00", "0%", "[$-409]#,##0.00", "0.00;[Red]-0.00", "0\" unidades 12\"", "General", "00000",
        "#,##0;\"$\"#,##0",
    ]

    @Test(arguments: withoutMarks)
    func noMark(_ code: String) {
        #expect(NumberFormatCurrency.mark(in: code) == nil)
    }

    /// A one-sheet workbook of `sheetData` (the `<row>` elements), with `styles.xml` when given.
    static func workbook(named name: String, sheetData: String, styles: String? = nil) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid()).xlsx").path
        let zip = try ZipWriter(path: path)
        func add(_ name: String, _ xml: String) throws { try zip.addEntry(named: name, contents: Array(xml.utf8)) }
        try add("xl/workbook.xml", """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Cartera" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        let stylesRelationship = styles == nil ? "" : """
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            """
        try add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            \(stylesRelationship)</Relationships>
            """)
        if let styles { try add("xl/styles.xml", styles) }
        try add("xl/worksheets/sheet1.xml", """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(sheetData)</sheetData></worksheet>
            """)
        try zip.finish()
        return path
    }

    /// A workbook with styled amounts: a custom currency format, a plain one, a built-in.
    static func workbook() throws -> String {
        try workbook(named: "currency-formats", sheetData: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Monto</t></is></c><c r="B1" t="inlineStr"><is><t>Saldo</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>1234.5</v></c><c r="B2" s="2"><v>12</v></c></row>\
            <row r="3"><c r="A3" s="3"><v>7</v></c><c r="B3"><v>8</v></c></row>
            """, styles: """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;Bs.&quot; #,##0.00"/>\
            <numFmt numFmtId="165" formatCode="[$USD] #,##0.00"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="7"/></cellXfs>\
            </styleSheet>
            """)
    }

    @Test func rowsCarryTheMarksTheirCellsShow() throws {
        let path = try Self.workbook()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stream = try XLSXWorkbook(path: path).rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let row = try stream.nextRow() { rows.append(row) }
        #expect(rows.map(\.currencies) == [nil, [1: "Bs.", 2: "USD"], nil])
        #expect(rows[1].cells == [.number(1234.5), .number(12)])
    }
}

/// Formula cells a program saved without computing them read as empty, and the sheet says so once.
@Suite struct FormulaWithoutValueTests {
    @Test func saidOnceWithTheFirstCell() throws {
        let path = try NumberFormatCurrencyTests.workbook(named: "formulas", sheetData: """
            <row r="1"><c r="A1"><v>1</v></c></row>\
            <row r="2"><c r="A2"><f>1+1</f></c><c r="B2"><f>1+1</f><v/></c><c r="C2" t="str"><f>""</f><v></v></c>\
            <c r="D2"><f>1+1</f><v>2</v></c></row>
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stream = try XLSXWorkbook(path: path).rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let row = try stream.nextRow() { rows.append(row) }
        let said = stream.drainDiagnostics().filter { $0.code == "XLSX-FORMULA-NO-VALUE" }
        #expect(said.count == 1)
        #expect(said.first?.message.hasPrefix("2 formula cell(s)") == true)
        #expect(said.first?.location?.row == 2 && said.first?.location?.column == 1)
        #expect(rows.last?.cells.last == .number(2))
    }
}

/// Zero-padding formats show whole numbers padded (`00000`: 102 → `00102`), and rows carry that text.
@Suite struct NumberFormatPaddingTests {
    @Test(arguments: [("00000", 102.0, "00102"), ("\"FAC-\"0000", 7.0, "FAC-0007"), ("000000;-000000", 123456.0, "123456"),
                      ("0000\"-A\"", 12.0, "0012-A"), ("\\F000", 5.0, "F005"), ("00000", 1234567.0, "1234567")])
    func padded(_ code: String, _ value: Double, _ text: String) throws {
        #expect(try #require(NumberFormatPadding(code: code)).text(value) == text)
    }

    @Test(arguments: ["0", "#,##0", "0.00", "00.0", "0%", "dd/mm/yyyy", "General", "[$USD] 0000"])
    func noPadding(_ code: String) {
        #expect(NumberFormatPadding(code: code) == nil)
    }

    @Test func onlyWholeNumbersArePadded() throws {
        let p = try #require(NumberFormatPadding(code: "00000"))
        #expect(p.text(1.5) == nil && p.text(-3) == nil)
    }
}
