import Foundation
import Testing
import Tabular
import ZipArchive
@testable import XLSXReader

/// The first sheet is read ahead while the string table is parsed (`SheetSpeculation`); these
/// tests compare that read with a plain one of the same sheet (the second `rowStream(ofSheet: 0)`
/// reads afresh), cell for cell and diagnostic for diagnostic.
@Suite struct ReadAheadTests {
    enum Twist: String, CaseIterable, Sendable {
        case none
        /// A cell written twice in one row (the later one wins).
        case duplicateColumn
        /// A shared-string index past the table's end.
        case indexOutOfRange
        /// A shared-string cell whose value is not a number.
        case badIndex
    }

    /// A workbook whose sheet (over 1 MiB of XML) names strings from a large table.
    static func makeWorkbook(_ twist: Twist) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("readahead-\(twist.rawValue)-\(getpid()).xlsx").path
        let stringCount = 200_000
        var sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"\(stringCount)\">"
        for i in 0..<stringCount { sst += "<si><t>customer \(i)</t></si>" }
        sst += "</sst>"
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for r in 1...40_000 {
            var index = "\((r * 7) % stringCount)"
            if twist == .indexOutOfRange, r == 30 { index = "\(stringCount + 5)" }
            if twist == .badIndex, r == 40 { index = "x1" }
            sheet += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>\(index)</v></c><c r=\"B\(r)\"><v>\(r)</v></c>"
            if twist == .duplicateColumn, r == 50 { sheet += "<c r=\"A\(r)\"><v>1.5</v></c>" }
            sheet += "<c r=\"C\(r)\" t=\"s\"><v>\(r % 100)</v></c></row>"
        }
        sheet += "</sheetData></worksheet>"
        let zip = try ZipWriter(path: path)
        try zip.addEntry(named: "xl/workbook.xml", contents: Array("""
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="AR" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8))
        try zip.addEntry(named: "xl/_rels/workbook.xml.rels", contents: Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            </Relationships>
            """.utf8))
        try zip.addEntry(named: "xl/sharedStrings.xml", contents: Array(sst.utf8))
        try zip.addEntry(named: "xl/worksheets/sheet1.xml", contents: Array(sheet.utf8))
        try zip.finish()
        return path
    }

    static func read(_ book: XLSXWorkbook) throws -> (rows: [Row], diagnostics: [String]) {
        var stream = try book.rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let row = try stream.nextRow() { rows.append(row) }
        return (rows, stream.drainDiagnostics().map { "\($0.code) \(String(describing: $0.location)) \($0.found ?? "")" })
    }

    @Test(arguments: Twist.allCases)
    func readAheadMatchesAPlainRead(_ twist: Twist) throws {
        let path = try Self.makeWorkbook(twist)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        if twist == .none { #expect(book.readAhead != nil) }
        let ahead = try Self.read(book)
        #expect(book.readAhead == nil)
        let plain = try Self.read(book)
        #expect(ahead.rows.count == 40_000)
        #expect(ahead.rows == plain.rows)
        #expect(ahead.diagnostics == plain.diagnostics)
        #expect(ahead.rows[0].cells == [.text("customer 7"), .number(1), .text("customer 1")])
        if twist == .duplicateColumn { #expect(ahead.rows[49].cells[0] == .number(1.5)) }
        if twist == .indexOutOfRange { #expect(ahead.diagnostics.count == 1) }
    }
}
