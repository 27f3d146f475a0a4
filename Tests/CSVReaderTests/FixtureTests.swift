import Foundation
import Testing
import Tabular
@testable import CSVReader

/// The committed fixtures end to end: detection, row numbers, cells and diagnostics.
@Suite struct FixtureTests {
    static func open(_ name: String) throws -> CSVFile {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return try CSVFile.open(path: url.path)
    }

    static func read(_ file: CSVFile) throws -> ([Row], [Diagnostic]) {
        var stream = try file.rowStream()
        var rows: [Row] = []
        var diagnostics = file.openingDiagnostics
        while let r = try stream.next() { rows.append(r); diagnostics += stream.drainDiagnostics() }
        return (rows, diagnostics)
    }

    @Test func spanishERPExport() throws {
        let file = try Self.open("preamble-cp1252-semicolon-crlf.csv")
        #expect(file.detectedEncoding.encoding == .windows1252)
        #expect(file.detectedDialect.delimiter == ";")
        #expect(file.detectedDialect.lineBreak == "CRLF")
        #expect(file.detectedDialect.preambleLines == 1...3)
        #expect(file.detectedDialect.hasHeader)
        let (rows, diagnostics) = try Self.read(file)
        #expect(rows.map(\.number) == [4, 5, 6, 7])
        #expect(rows[0].cells.map(\.displayText) == ["Cliente", "Nº Factura", "Fecha", "Monto", "Observación"])
        #expect(rows[3].cells.first == .text("Distribuidora “La Llave”"))
        #expect(rows[3].cells.last == .text("cheque €"))
        #expect(Set(diagnostics.map(\.code)) == ["CSV-ENCODING-GUESSED", "CSV-PREAMBLE-SKIPPED"])
    }

    @Test func excelUnicodeText() throws {
        let file = try Self.open("utf16le-bom-tab.txt")
        #expect(file.detectedEncoding == DetectedEncoding(encoding: .utf16LE, bomLength: 2, evidence: "bom"))
        #expect(file.detectedDialect.delimiter == "\t")
        let (rows, _) = try Self.read(file)
        #expect(rows.map { $0.cells.map(\.displayText) } == [["Cliente", "Monto", "Fecha"], ["Ana", "10.5", "2024-01-02"],
                                                              ["Luis", "3", "2024-01-05"]])
    }

    @Test func handEditedFile() throws {
        let file = try Self.open("stray-quotes-ragged-no-final-newline.csv")
        let (rows, diagnostics) = try Self.read(file)
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.line) == [1, 2, 4, 5, 6])
        #expect(rows[1].cells == [.text("1"), .text("Smith, John"), .text("two\nlines")])
        #expect(rows[2].cells[1] == .text("5\" screen"))
        #expect(rows[4].cells.count == 4)
        let found = diagnostics.map { "\($0.code)@\($0.location?.line ?? 0)" }
        #expect(found == ["CSV-STRAY-QUOTE@4", "CSV-RAGGED-ROW@5", "CSV-RAGGED-ROW@6"])
    }
}
