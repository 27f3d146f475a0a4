import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A due date that cannot be read loses the invoice nothing but its due date.
struct DueDateTests {
    @Test func anUnreadableDueDateIsLeftOutWithAWarning() throws {
        let source = MemorySource(path: "cartera.csv", csv: [
            ["Cliente", "Factura", "Emisión", "Vencimiento", "Monto", "Saldo"],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "15/3", "100,00", "100,00"],
            ["Bodega Sol", "F-2", "02/03/2024", "31/02/2024", "200,00", "50,00"],
            ["Bodega Sol", "F-3", "03/03/2024", "02/04/2024", "300,00", "300,00"],
            ["Bodega Sol", "F-4", "31/02/2024", "02/04/2024", "400,00", "400,00"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(source)
        #expect(batch.invoices.map(\.number.value) == ["F-1", "F-2", "F-3"])
        #expect(batch.invoices.map { $0.dueDate?.value } == [nil, nil, LocalDate(year: 2024, month: 4, day: 2)])
        let warned = batch.diagnostics.filter { $0.code == "MAP-DUE-DATE-UNREADABLE" }
        #expect(warned.map(\.location?.row) == [2, 3] && warned.allSatisfy { $0.location?.column == 4 })
        // An unreadable issue date still rejects its row, with its cell.
        #expect(batch.rejects.map(\.location.row) == [5] && batch.rejects.first?.location.column == 3)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }
}
