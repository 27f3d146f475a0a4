import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Voided invoices kept in a list with their status are no debt.
struct VoidedRowsTests {
    @Test func aVoidedInvoiceIsSkippedWithItsCell() throws {
        let source = MemorySource(path: "facturas.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto", "Saldo", "Estado"],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "100,00", "Pendiente"],
            ["Abasto Luna C.A.", "F-2", "02/03/2024", "200,00", "200,00", "ANULADA"],
            ["Bodega Sol", "F-3", "03/03/2024", "300,00", "0,00", "Cancelada"],
            ["Bodega Sol", "F-4", "04/03/2024", "400,00", "400,00", " anulado. "],
        ])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(source)
        #expect(batch.invoices.map(\.number.value) == ["F-1", "F-3"])
        let skipped = batch.diagnostics.filter { $0.code == "MAP-VOIDED-ROW" }
        #expect(skipped.map(\.location?.row) == [3, 5] && skipped.allSatisfy { $0.location?.column == 6 })
        #expect(batch.accounting.map(\.otherSkipped) == [2] && batch.accounting.allSatisfy { $0.balances })
    }

    /// `Estado` is a Mexican address's state too: its values are no status, nothing is skipped.
    @Test func aStateColumnSkipsNothing() {
        let source = MemorySource(path: "clientes.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto", "Estado"],
            ["Ferretería El Martillo", "F-1", "01/03/2024", "100.00", "Jalisco"],
            ["Papelería Santa Fe", "F-2", "02/03/2024", "200.00", "Nuevo León"],
        ])
        let batch = Importer(options: ImportOptions(country: "MX", currency: "MXN")).importSource(source)
        #expect(batch.invoices.count == 2)
        #expect(VoidedRows.isStatusHeader("Estado") && !VoidedRows.isVoided("Jalisco") && !VoidedRows.isVoided("Cancelada"))
    }

    /// As folding reads a status: punctuation and padding around the word change nothing.
    @Test(arguments: ["(ANULADA)", "*Anulada*", "- ANULADA", "ANULADA" + String(repeating: " ", count: 30), "Ánulada", "VOID"])
    func decoratedVoidWordsAreVoided(_ status: String) {
        #expect(VoidedRows.mayBeVoided(status.utf8) && VoidedRows.isVoided(status), "\(status)")
    }
}
