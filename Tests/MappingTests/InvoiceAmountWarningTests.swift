import Receivables
import Tabular
import Testing
@testable import Mapping

/// An invoice whose balance or paid amount is larger than its total is imported as written, with a
/// warning at the cell (QA: `Importe 1.000,00`, `Pendiente 1.500,00` came in without a word). Only a
/// positive total in the same currency is a bound, and credit notes are not checked.
struct InvoiceAmountWarningTests {
    static let header = ["Cliente", "Nº Factura", "Importe", "Abonado", "Pendiente"]

    @Test(arguments: [
        // number, amount, paid, balance → the codes raised, and the cell each one is at
        (["F-1", "1.000,00", "", "1.500,00"], ["MAP-BALANCE-EXCEEDS-AMOUNT@E:1.500,00"]),
        (["F-2", "1.000,00", "1.200,00", ""], ["MAP-PAID-EXCEEDS-AMOUNT@D:1.200,00"]),
        (["F-3", "1.000,00", "1.200,00", "1.300,00"],
         ["MAP-BALANCE-EXCEEDS-AMOUNT@E:1.300,00", "MAP-PAID-EXCEEDS-AMOUNT@D:1.200,00"]),
        (["F-4", "1.000,00", "400,00", "600,00"], []),
        (["F-5", "1.000,00", "1.000,00", "1.000,00"], []),           // equal is no excess
        (["NC-6", "-1.000,00", "", "-1.500,00"], []),                // a credit note, written negative
        (["NC-7", "1.000,00", "", "1.500,00"], []),                  // a credit note, written positive
        (["F-8", "-100,00", "", "50,00"], []),                       // a total that is not positive
        (["F-9", "0,00", "", "50,00"], []),
        (["F-10", "USD 1.000,00", "", "Bs. 1.500,00"], []),          // another currency is no bound
        (["F-11", "", "", "1.500,00"], []),                          // no total to compare with
    ])
    func excessIsWarnedAndImported(cells: [String], expected: [String]) {
        let rows = [Self.header, ["Ferretería Ñandú"] + cells]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
        #expect(batch.invoices.count == 1 && batch.rejects.isEmpty)
        let raised = batch.diagnostics.filter { $0.code.hasSuffix("-EXCEEDS-AMOUNT") }
        let described = raised.map { d in
            "\(d.code)@\(d.location?.column.map(CellRef.columnLetters) ?? "?"):\(d.found ?? "")"
        }
        #expect(described.sorted() == expected, "\(batch.diagnostics)")
        #expect(raised.allSatisfy { $0.severity == .warning && $0.location?.row == 2 })
    }

    @Test func theMessageNamesBothAmounts() throws {
        let rows = [Self.header, ["Ferretería Ñandú", "F-1", "1.000,00", "", "1.500,00"]]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
        let warning = try #require(batch.diagnostics.first { $0.code == "MAP-BALANCE-EXCEEDS-AMOUNT" })
        #expect(warning.message == "balance 1500.00 VES exceeds the document amount 1000.00 VES: imported as written")
        #expect(batch.invoices.first?.balance?.value.amount == 1500)
    }

    /// A row that warns goes the record path, so plain rows and records say the same, in the same
    /// order, whatever the chunk size.
    @Test(arguments: [1, 7, 256])
    func bothPathsWarnAlike(flush: Int) {
        let rows = [Self.header] + (1...60).map { i -> [String] in
            let paid = i % 5 == 0 ? "1.200,00" : "100,00"
            let balance = i % 3 == 0 ? "1.500,00" : "900,00"
            return ["Cliente \(i % 4)", i % 7 == 0 ? "NC-\(i)" : "F-\(i)", "1.000,00", paid, balance]
        }
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true, flush: flush)
        let records = PlainRowTests.run(rows, plainRows: false, flush: flush).0
        #expect(plain == records)
        #expect(plainCount > 20 && plainCount < 60)
        #expect(records.invoices.count == 60 && records.rejects.isEmpty)
        let codes = records.diagnostics.map(\.code)
        #expect(codes.contains("MAP-BALANCE-EXCEEDS-AMOUNT") && codes.contains("MAP-PAID-EXCEEDS-AMOUNT"))
    }
}
