import CSVReader
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A spreadsheet error (`#N/A` from a lookup that found nothing) is no value: never a customer's
/// name, never a document number, never filled over by the row above (``SpreadsheetError``).
struct SpreadsheetErrorTests {
    @Test(arguments: ["#N/A", " #n/a ", "#REF!", "#¡VALOR!", "#¿NOMBRE?", "#N/D", "#NÚM!", "Err:502", "#DIV/0!", "#ERROR!"])
    func errorLiterals(text: String) {
        #expect(SpreadsheetError.isError(text))
        #expect(CellValue.text(text).spreadsheetError != nil)
    }

    @Test(arguments: ["#1234", "N/A", "Err:50", "#NA", "Error", "#", "Ferretería #N/A", "E-1001"])
    func notErrors(text: String) {
        #expect(!SpreadsheetError.isError(text))
        let bytes = Array(text.utf8)
        #expect(!bytes.withUnsafeBufferPointer { SpreadsheetError.isError(bytes: $0) })
    }

    static let rows: [[String]] = {
        var rows = [["Cliente", "RIF", "Teléfono", "Nº Factura", "Fecha", "Monto"]]
        for i in 1...20 { rows.append(["Cliente \(i) C.A.", "", "0412-55512\(10 + i)", "F-\(i)", "05/01/2024", "\(i)00"]) }
        rows[4][0] = "#N/A"; rows[4][2] = "#N/A"       // a failed lookup: no customer, not "#N/A"
        rows[7][0] = "#N/A"                            // another one: not the same customer
        rows[10][3] = "#N/A"; rows[11][3] = "#N/A"     // two invoices numbered by an error: rejected
        return rows
    }()

    @Test func errorCellsAreNoValues() {
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(MemorySource(csv: Self.rows))
        #expect(!batch.customers.contains { $0.name?.value == "#N/A" })
        #expect(!batch.customers.contains { $0.phones.contains { $0.value == "#N/A" } })
        let errors = batch.diagnostics.filter { $0.code == "MAP-CELL-ERROR" }
        #expect(errors.map { $0.location?.cell?.a1 ?? "" } == ["A5", "C5", "A8"])
        #expect(batch.diagnostics.filter { $0.code == "MAP-INVOICE-NO-CUSTOMER" }.map(\.location?.row) == [5, 8])
        #expect(batch.rejects.map(\.location.row) == [11, 12])
        let saysWhy = batch.rejects.filter { $0.reason == "the document number is the spreadsheet error #N/A" }
        #expect(saysWhy.count == 2)
        #expect(batch.invoices.count == 18)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// Rows read in place from a CSV's bytes agree with records.
    @Test(arguments: [1, 3, 100])
    func plainRowsAgree(flush: Int) {
        let (plain, _) = PlainRowTests.run(Self.rows, plainRows: true, flush: flush)
        let (records, _) = PlainRowTests.run(Self.rows, plainRows: false, flush: flush)
        #expect(plain == records)
    }

    /// A customer cell that holds an error is not blank: the customer above is not filled into it.
    @Test func anErrorCellIsNotFilledDown() {
        let rows = [["Cliente", "NIT", "Factura", "Fecha", "Monto"], ["Alfa SAS", "900123456-8", "FV-1", "05/01/2024", "1000"],
                    ["", "", "FV-2", "06/01/2024", "500"], ["#N/A", "", "FV-3", "06/01/2024", "250"],
                    ["Beta Ltda", "800197268-4", "FV-4", "07/01/2024", "200"], ["", "", "FV-5", "07/01/2024", "100"]]
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(MemorySource(csv: rows))
        let customers = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0) })
        let third = batch.invoices.first { $0.number.value == "FV-3" }
        #expect(third.map { customers[$0.customer]?.name == nil } == true)
        #expect(batch.diagnostics.filter { $0.code == "MAP-CUSTOMER-FILLED-DOWN" }.map(\.location?.row) == [3, 6])
    }
}
