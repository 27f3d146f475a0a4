import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A due date that cannot be read loses the invoice nothing but its due date.
struct DueDateTests {
    /// Issue dates that leave the order open are read as the due dates beside them prove it, not
    /// by the country: a US export's `03/01/2024` beside `04/14/2024` is the 1st of March.
    @Test func aColumnThatProvesTheOrderDecidesForTheOthers() throws {
        let rows = [["Customer", "Invoice", "Date", "Due", "Amount"],
                    ["Abasto Luna", "F-1", "03/01/2024", "04/14/2024", "100.00"],
                    ["Bodega Sol", "F-2", "04/01/2024", "05/01/2024", "200.00"]]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(MemorySource(path: "us.csv", csv: rows))
        #expect(batch.invoices.map { $0.issueDate?.value } == [LocalDate(year: 2024, month: 3, day: 1), LocalDate(year: 2024, month: 4, day: 1)])
        #expect(batch.diagnostics.filter { $0.code == "MAP-DATE-ORDER-FROM-COLUMN" }.map(\.location?.column) == [3])
        // A configured order wins.
        let mapping = try MappingFile.parse(yaml: "version: 1\nname: us\nformats:\n  date_order: dmy\n")
        let configured = Importer(options: ImportOptions(mapping: mapping, country: "VE", currency: "USD"))
            .importSource(MemorySource(path: "us.csv", csv: rows))
        #expect(configured.invoices.first?.issueDate?.value == LocalDate(year: 2024, month: 1, day: 3))
    }

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
