import Receivables
import Tabular
import Testing
@testable import Mapping

/// A row of amounts alone (no label, document, date or customer) is a totals row, not a reject.
struct UnlabeledTotalsTests {
    static let header = ["Cliente", "RIF", "Factura", "Fecha", "Monto", "Abonado", "Saldo", "Moneda"]

    static func run(_ rows: [[String]], flush: Int = 100) -> ImportBatch {
        var options = ImportOptions(country: "VE", currency: "VES")
        options.flushRows = flush
        return Importer(options: options).importSource(MemorySource(csv: [header] + rows))
    }

    static let invoices: [[String]] = [
        ["Acme C.A.", "J-30123456-1", "F-001", "15/03/2024", "1.500,00", "500,00", "1.000,00", "VES"],
        ["Beta S.A.", "J-40123456-9", "F-002", "16/03/2024", "2.000,00", "", "2.000,00", "VES"],
    ]

    @Test(arguments: [1, 2, 100])
    func aRowOfSumsUnderTheListIsItsTotals(flush: Int) throws {
        let batch = Self.run(Self.invoices + [["", "", "", "", "3.500,00", "500,00", "3.000,00", "VES"]], flush: flush)
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.count == 2)
        let accounting = try #require(batch.accounting.first)
        #expect(accounting.totalsSkipped == 1 && accounting.rejected == 0 && accounting.balances)
        let note = try #require(batch.diagnostics.first { $0.code == "MAP-TOTALS-ROW" })
        #expect(note.location?.row == 4 && note.severity == .info)
    }

    /// A cut-off date beside the sums (`;;;30/06/2024;3.500,00`) keeps it a totals row.
    @Test func aSumWithItsCutOffDateIsLeftOut() throws {
        let batch = Self.run(Self.invoices + [["", "", "", "30/06/2024", "3.500,00", "500,00", "3.000,00", ""]])
        #expect(batch.rejects.isEmpty && batch.accounting.first?.totalsSkipped == 1)
    }

    @Test func aSubtotalUnderEachGroupIsLeftOutToo() throws {
        let rows = [Self.invoices[0], ["", "", "", "", "1.500,00", "500,00", "1.000,00", ""],
                    Self.invoices[1], ["", "", "", "", "2.000,00", "", "2.000,00", ""]]
        let batch = Self.run(rows)
        #expect(batch.invoices.map(\.number.value) == ["F-001", "F-002"])
        #expect(batch.accounting.first?.totalsSkipped == 2)
    }

    /// Anything besides amounts makes the row a record that lacks something: rejected with its reason.
    @Test(arguments: [
        ["", "J-30123456-1", "", "", "100,00", "", "100,00", ""],   // a tax ID
        ["", "", "", "", "cien", "", "", ""],                       // no amount that reads
    ])
    func aRowWithMoreThanAmountsIsNoTotals(row: [String]) throws {
        let batch = Self.run(Self.invoices + [row])
        #expect(batch.accounting.first?.totalsSkipped == 0)
        #expect(batch.accounting.first?.rejected == 1)
        #expect(batch.rejects.first?.location.row == 4)
    }
}

/// An unlabeled sum right under a table, with a second table stacked below, is the first table's
/// totals row, not a title line of the second.
struct UnlabeledTotalsAboveAStackedTableTests {
    @Test(arguments: [true, false])
    func theSumStaysWithTheTableAbove(blankRowsBetween: Bool) throws {
        var rows: [[String]] = [
            ["Cliente", "RIF", "Factura", "Fecha", "Monto"],
            ["Alfa C.A.", "J-30123456-1", "F-1", "05/01/2024", "1.000,00"],
            ["Beta C.A.", "J-40123456-9", "F-2", "06/01/2024", "2.000,00"],
            ["", "", "", "", "3.000,00"],
        ]
        if blankRowsBetween { rows += [[], []] }
        rows += [["Pagos recibidos"], ["Cliente", "Fecha", "Referencia", "Factura", "Monto pagado"],
                 ["Alfa C.A.", "10/01/2024", "TRF-778", "F-1", "500,00"]]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
        #expect(batch.accounting.count == 2)
        let first = try #require(batch.accounting.first), second = try #require(batch.accounting.last)
        #expect(first.rowsRead == 4 && first.totalsSkipped == 1 && first.headerRows == 1)
        #expect(second.headerRows == 2 && second.imported == 1)
        #expect(batch.payments.count == 1 && batch.invoices.count == 2)
    }
}
