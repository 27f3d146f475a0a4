import CSVReader
import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Sections stacked on one sheet under the same header, each with a title of its own (`Cartera
/// Enero 2024`, `Vendedor: Carlos`), are tables of their own, named by their titles; a header a
/// printed report repeats at a page break (alone, or under the report's own titles or a page line)
/// stays in its table.
struct SectionTablesTests {
    static let header = ["Cliente", "Factura", "Fecha", "Saldo"]

    /// `sections` sections of `rows` invoices each, a title, the header, the rows, a totals row and a blank.
    static func sheet(sections: Int, rows: Int, title: (Int) -> [String] = { ["Cartera mes \($0)"] }) -> [[String]] {
        var out: [[String]] = []
        for s in 1...sections {
            out.append(title(s))
            out.append(header)
            for r in 1...rows { out.append(["Cliente \(r % 5)", "F-\(s)-\(r)", "\(r % 28 + 1)/0\(s % 9 + 1)/2024", "\(r),50"]) }
            out.append(["Total", "", "", "999,00"])
            out.append([""])
        }
        return out
    }

    static func importRows(_ rows: [[String]], window: Int = 1_000, flush: Int = 4_096) -> ImportBatch {
        var options = ImportOptions(country: "VE", currency: "VES")
        options.windowRows = window; options.flushRows = flush
        var batch = ImportBatch(), taken = ImportBatch()
        Importer(options: options).importSource(MemorySource(csv: rows), into: &batch) { b in
            taken.customers += b.customers; taken.invoices += b.invoices; taken.rejects += b.rejects
            b.customers = []; b.invoices = []; b.rejects = []
        }
        taken.accounting = batch.accounting; taken.diagnostics = batch.diagnostics
        return taken
    }

    @Test func eachTitledSectionIsATableNamedByItsTitle() {
        let batch = Self.importRows(Self.sheet(sections: 3, rows: 2))
        #expect(batch.accounting.map(\.table) == ["Cartera mes 1", "Cartera mes 2", "Cartera mes 3"])
        #expect(batch.rejects.isEmpty, "\(batch.rejects)")
        #expect(batch.invoices.count == 6)
        #expect(batch.accounting.allSatisfy { $0.balances && $0.imported == 2 && $0.totalsSkipped == 1 })
    }

    /// In a list of customers the title of the second section was read as a customer.
    @Test func aSectionTitleIsNoCustomer() {
        let batch = Self.importRows([["Clientes zona norte"], ["Cliente", "RIF", "Teléfono"],
                                     ["Abasto Luna C.A.", "J-30123456-0", "0412-5551234"], [""],
                                     ["Clientes zona sur"], ["Cliente", "RIF", "Teléfono"],
                                     ["Comercial Zamora", "", "0424-5551234"]])
        #expect(batch.customers.compactMap(\.name?.value) == ["Abasto Luna C.A.", "Comercial Zamora"])
        #expect(batch.accounting.map(\.table) == ["Clientes zona norte", "Clientes zona sur"])
    }

    /// A title of two cells (`Vendedor: | Carlos`) names a section too.
    @Test func aLabelledTitleOfTwoCells() {
        let batch = Self.importRows(Self.sheet(sections: 2, rows: 2, title: { ["Vendedor:", $0 == 1 ? "Ana" : "Carlos"] }))
        #expect(batch.accounting.count == 2 && batch.rejects.isEmpty)
    }

    /// A page break's header, alone or under the report's own title or a page line, or right under
    /// a totals row, is skipped inside one table.
    @Test(arguments: [[], ["Cartera mes 1"], ["Página 2 de 3"], ["TOTAL"]])
    func aPageBreaksHeaderStaysInItsTable(_ above: [String]) {
        var rows = [["Cartera mes 1"], Self.header, ["Abasto", "F-1", "05/01/2024", "1,00"]]
        if !above.isEmpty { rows.append(above) }
        rows += [Self.header, ["Bodega Sol", "F-2", "06/01/2024", "2,00"]]
        let batch = Self.importRows(rows)
        #expect(batch.accounting.count == 1, "\(batch.accounting.map(\.table))")
        #expect(batch.invoices.count == 2 && batch.rejects.isEmpty)
    }

    /// A data row of one or two texts right above a page break's header is data, not a title.
    @Test func aShortDataRowAboveARepeatedHeaderIsData() {
        let batch = Self.importRows([["Cliente", "Ciudad", "Teléfono"], ["Abasto Luna C.A.", "Valencia", "0412-5551234"],
                                     ["Bodega Sol", "Maracay", ""], ["Cliente", "Ciudad", "Teléfono"],
                                     ["Comercial Zamora", "Caracas", "0424-5551234"]])
        #expect(batch.customers.compactMap(\.name?.value) == ["Abasto Luna C.A.", "Bodega Sol", "Comercial Zamora"])
        #expect(batch.accounting.count == 1)
    }

    /// Found in the rows after a window as inside one, whatever the windows and chunks.
    @Test(arguments: [(5, 3), (12, 1), (30, 7)])
    func sectionsAfterTheWindowAreFoundAlike(window: Int, flush: Int) {
        let rows = Self.sheet(sections: 4, rows: 9)
        let whole = Self.importRows(rows)
        let streamed = Self.importRows(rows, window: window, flush: flush)
        #expect(streamed.accounting == whole.accounting)
        #expect(streamed.invoices == whole.invoices && streamed.rejects == whole.rejects)
        #expect(whole.accounting.count == 4 && whole.rejects.isEmpty)
    }

    /// Through a real CSV file: rows after the window reach the watch as bytes.
    @Test(arguments: [1, 3, 100])
    func sectionsInACSVFile(flush: Int) throws {
        let csv = Self.sheet(sections: 3, rows: 6).map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
        var csvOptions = CSVOptions()
        csvOptions.preambleRecords = 0; csvOptions.keepsBlankLines = true
        let file = try CSVFile.open(bytes: Array(csv.utf8), name: "cartera.csv", options: csvOptions)
        var options = ImportOptions(country: "VE", currency: "VES")
        options.flushRows = flush; options.windowRows = 4
        var batch = ImportBatch(), invoices = 0
        Importer(options: options).importSource(file, encoding: PlainRowTests.Flattened(), into: &batch) { b, encoded in
            invoices += PlainRowTests.Flattened().encode(&b, plain: PlainInvoiceRows(file: "", sheet: nil)).invoices.count
            for e in encoded { invoices += e.invoices.count }
            b.rejects = []
        }
        #expect(batch.accounting.map(\.table) == ["Cartera mes 1", "Cartera mes 2", "Cartera mes 3"])
        #expect(invoices == 18)
        #expect(batch.accounting.allSatisfy { $0.balances && $0.rejected == 0 })
    }
}
