import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A statement extract that starts without its opening balance line: the first line's running
/// balance carries what the customer owed before it, imported as the opening line would have been.
struct ImpliedOpeningTests {
    static func importing(_ rows: [[String]], flush: Int = 1000) -> ImportBatch {
        var options = ImportOptions(country: "VE", currency: "USD")
        options.flushRows = flush
        return Importer(options: options).importSource(
            MemorySource(path: "estado.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows(rows))]))
    }

    /// What the customer owes by the documents imported: charges less credits.
    static func owed(_ invoices: some Sequence<Invoice>) -> Decimal {
        invoices.reduce(Decimal(0)) { sum, i in sum + (i.type == .creditNote ? -1 : 1) * (i.balance?.value.amount ?? 0) }
    }

    static let march: [[String]] = [
        ["Estado de cuenta - Comercial Oriente C.A."],
        ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
        ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ["05/03/2024", "Pago recibido", "", "400,00", "3.100,00"],
        ["10/03/2024", "Factura F-101", "500,00", "", "3.600,00"],
    ]

    /// Chunks of one, two and three rows: the first line is told the same wherever they cut.
    @Test(arguments: [1, 2, 3, 1000])
    func theFirstLineCarriesTheBalanceFromBefore(flush: Int) throws {
        let batch = Self.importing(Self.march, flush: flush)
        #expect(batch.invoices.map(\.number.value) == ["Saldo anterior 2024-03-01", "F-100", "Pago recibido 2024-03-05 400.00 fila 4",
                                                       "F-101"])
        let opening = try #require(batch.invoices.first)
        #expect(opening.balance?.value.amount == 2500 && opening.type == .invoice)
        #expect(opening.id != batch.invoices[1].id && opening.customer == batch.invoices[1].customer)
        #expect(opening.balance?.provenance?.location.column == 5)
        // The documents now sum to the statement's last balance.
        #expect(Self.owed(batch.invoices) == 3600)
        let said = batch.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-IMPLIED" }
        #expect(said.map(\.location?.row) == [3] && said.first?.severity == .warning)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// With its `Saldo anterior` line, the statement says what it carries: nothing is implied.
    @Test func anOpeningLineImpliesNothing() {
        var rows = Self.march
        rows.insert(["01/03/2024", "Saldo anterior", "", "", "2.500,00"], at: 2)
        let batch = Self.importing(rows)
        #expect(batch.invoices.map(\.number.value).first == "Saldo anterior 2024-03-01")
        #expect(Self.owed(batch.invoices) == 3600)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }

    /// A statement of several customers: each one's first line is looked at, in whatever chunk it falls.
    @Test(arguments: [1, 2, 3, 1000])
    func eachCustomerCarriesItsOwn(flush: Int) {
        let batch = Self.importing([
            ["Fecha", "Concepto", "Serie", "Folio", "Cargos", "Abonos", "Saldo"],
            ["Cliente: REFACCIONARIA LOPEZ SA DE CV"],
            ["03/09/2026", "Factura", "A", "1045", "18560.00", "", "18560.00"],
            ["10/09/2026", "Nota de crédito", "NC", "12", "", "1160.00", "17400.00"],
            ["Total cliente", "", "", "", "18560.00", "1160.00", "17400.00"],
            ["Cliente: ABARROTES DOÑA MARY"],
            ["05/10/2026", "Factura", "A", "1010", "5220.00", "", "6220.00"],
            ["20/11/2026", "Pago", "P", "350", "", "2000.00", "4220.00"],
        ], flush: flush)
        #expect(batch.invoices.map(\.number.value) == ["A-1045", "NC-12", "Saldo anterior 2026-10-05", "A-1010", "P-350"])
        #expect(Self.owed(batch.invoices.prefix(2)) == 17400 && Self.owed(batch.invoices.dropFirst(2)) == 4220)
        #expect(batch.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-IMPLIED" }.map(\.location?.row) == [7])
    }

    /// Written newest first, the first line in the table is the last in time: nothing is implied.
    @Test func aStatementNewestFirstImpliesNothing() {
        let batch = Self.importing([
            ["Estado de cuenta - Comercial Oriente C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["10/03/2024", "Factura F-101", "500,00", "", "3.600,00"],
            ["05/03/2024", "Pago recibido", "", "400,00", "3.100,00"],
            ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ])
        #expect(batch.invoices.count == 3)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }
}
