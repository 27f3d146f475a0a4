import Receivables
import Tabular
import Testing
@testable import Mapping

/// Merged cells as a spreadsheet shows them: a customer merged down beside its invoices names each
/// of them; a value stored under a merged range's other cells is not shown, so it is not imported.
struct MergedCellsImportTests {
    static let sheet = MemorySource.Sheet(name: "Cartera", rows: ArrayRowStream.rows([
        ["Cliente", "RIF", "Nº Factura", "Monto", "Observaciones", ""],
        ["Ferretería El Tornillo C.A.", "J-30123456-7", "F-001", "100,00", "Llamar lunes", "valor viejo"],
        ["", "", "F-002", "200,00", "", ""],
        ["", "", "F-003", "300,00", "", ""],
        ["Distribuidora Sur", "J-29876543-0", "F-004", "50,00", "", ""],
    ], line: false), merged: [CellRange("A2:A4")!, CellRange("B2:B4")!, CellRange("E2:F2")!])

    @Test func aCustomerMergedDownNamesEachOfItsInvoices() {
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(
            MemorySource(sheets: [Self.sheet]))
        #expect(batch.invoices.count == 4)
        let byID = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0) })
        let names = batch.invoices.map { byID[$0.customer]?.name?.value }
        #expect(names == ["Ferretería El Tornillo C.A.", "Ferretería El Tornillo C.A.", "Ferretería El Tornillo C.A.",
                          "Distribuidora Sur"])
        #expect(batch.invoices.prefix(3).allSatisfy { byID[$0.customer]?.taxID?.value.normalized == "J301234567" })
        #expect(batch.diagnostics.filter { $0.code == "MAP-MERGED-VALUE-FILLED" }.count == 2)
    }

    @Test func aValueHiddenUnderAMergedRangeIsReportedNotImported() {
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(
            MemorySource(sheets: [Self.sheet]))
        let hidden = batch.diagnostics.filter { $0.code == "XLSX-MERGED-VALUE-HIDDEN" }
        #expect(hidden.count == 1)
        #expect(hidden.first?.found == "valor viejo" && hidden.first?.location?.column == 6)
        #expect(!batch.invoices.contains { $0.extra.values.contains("valor viejo") })
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// Past the window (a sheet longer than the rows held for table finding) merged cells are read
    /// the same way, row by row.
    @Test(arguments: [2, 3, 4, 5, 100])
    func mergedCellsAfterTheWindowReadTheSame(window: Int) {
        var options = ImportOptions(country: "VE", currency: "VES")
        options.windowRows = window; options.flushRows = 1
        let streamed = Importer(options: options).importSource(MemorySource(sheets: [Self.sheet]))
        let whole = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(sheets: [Self.sheet]))
        #expect(streamed.invoices == whole.invoices)
        #expect(streamed.customers == whole.customers)
        #expect(streamed.accounting == whole.accounting)
        #expect(streamed.diagnostics.map(\.code).sorted() == whole.diagnostics.map(\.code).sorted())
    }

    /// A mapping's header row further down than the usual window is still found.
    @Test func aMappedHeaderRowBeyondTheWindowIsFound() {
        let rows = (1...8).map { ["nota \($0)"] } + [["Cliente", "Nº Factura", "Monto"], ["Acme", "F-1", "10,00"]]
        var options = ImportOptions(country: "VE", currency: "VES")
        options.windowRows = 3
        options.mapping = MappingFile(tables: [MappingFile.TableSpec(headerRow: 9)])
        let batch = Importer(options: options).importSource(MemorySource(csv: rows))
        #expect(batch.invoices.map(\.number.value) == ["F-1"])
        #expect(batch.accounting.first?.balances == true)
    }
}
