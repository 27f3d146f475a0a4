import Receivables
import Tabular
import Testing
@testable import Mapping

/// A workbook stores only the rows that hold something: the rows between are blank rows, counted
/// as a CSV export of the same sheet counts its empty lines.
struct UnstoredRowsTests {
    static func row(_ number: Int, _ texts: [String]) -> Row {
        Row(number: number, line: nil, cells: texts.map { $0.isEmpty ? .empty : .text($0) })
    }

    static let header = ["Cliente", "RIF", "Factura", "Fecha", "Monto"]

    @Test(arguments: [1, 100])
    func rowsAWorkbookDoesNotStoreAreBlankRows(flush: Int) throws {
        // Rows 1-2 and 4-5 and 7 are not stored.
        let rows = [Self.row(3, Self.header),
                    Self.row(6, ["Acme C.A.", "J-30123456-1", "F-001", "15/03/2024", "1500,50"]),
                    Self.row(8, ["Beta S.A.", "J-40123456-9", "F-002", "16/03/2024", "2000,00"])]
        var options = ImportOptions(country: "VE", currency: "VES")
        options.flushRows = flush
        let batch = Importer(options: options).importSource(MemorySource(sheets: [.init(name: "Hoja1", rows: rows)]))
        #expect(batch.invoices.map { $0.provenance.location.row } == [6, 8])
        let accounting = try #require(batch.accounting.first)
        #expect(accounting.rowsRead == 8)
        #expect(accounting.blank == 5 && accounting.headerRows == 1 && accounting.imported == 2)
        #expect(accounting.balances)
    }
}
