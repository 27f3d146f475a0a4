import Foundation
import Testing
@testable import Pipeline

/// Which reader a source goes to, from its name and first bytes.
struct SourceFormatTests {
    private func write(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("source-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private static let table = "Cliente\tFactura\tMonto\nAbasto Luna C.A.\tF-1\t100,00\nBodega Sol\tF-2\t250,50\n"

    /// Excel's "Unicode text" export: tab-separated UTF-16 with a byte-order mark, named `.txt`.
    /// It is a table, in either byte order, as it is in UTF-8; a notebook stays a notebook.
    @Test func unicodeTextExportsAreTables() throws {
        let little = [UInt8]([0xFF, 0xFE]) + Self.table.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = [UInt8]([0xFE, 0xFF]) + Self.table.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big, Array(Self.table.utf8)] {
            #expect(SourceFormat.detect(path: try write(bytes, name: "cartera.txt")) == .csv)
        }
        let notebook = "Abasto Luna C.A.\nDebe: 1.200,00\n12/06 llamé, promete pagar el viernes\n"
        #expect(SourceFormat.detect(path: try write(Array(notebook.utf8), name: "cuaderno.txt")) == .notebook)
    }

    /// A CSV export renamed `.xlsx` is read as the table it is, with a warning; a workbook name on
    /// anything else still goes to the XLSX reader, which says what is wrong.
    @Test func aCSVNamedAsAWorkbookIsReadAsCSV() throws {
        let path = try write(Array(Self.table.utf8), name: "cartera.xlsx")
        #expect(SourceFormat.detect(path: path) == .csv)
        #expect(SourceFormat.misnamedWorkbook(path: path, shownAs: "cartera.xlsx", format: .csv)?.code == "SOURCE-WORKBOOK-NAME-HOLDS-TEXT")
        #expect(SourceFormat.misnamedWorkbook(path: "cartera.csv", shownAs: "cartera.csv", format: .csv) == nil)
        #expect(SourceFormat.detect(path: try write(Array("not a workbook".utf8), name: "roto.xlsx")) == .xlsx)
        #expect(SourceFormat.detect(path: try write([0x50, 0x4B, 0x03, 0x04, 0, 0], name: "libro.csv")) == .xlsx)
    }
}
