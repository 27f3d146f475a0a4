import Receivables
import Tabular
import Testing
@testable import Mapping

/// Totals rows as accounting systems write them: with the count of documents in the document
/// column, a cut-off date, the group's tax ID, or labels beyond `TOTAL`. Each is left out and
/// counted, never imported as an invoice nor rejected; a customer whose name starts with a totals
/// word stays a customer.
struct TotalsRowTests {
    static let header = ["Cliente", "RIF", "Factura", "Fecha", "Monto"]
    static let invoices: [[String]] = [
        ["Alfa C.A.", "J-30123456-1", "F-1", "05/01/2024", "1.000,00"],
        ["Beta C.A.", "J-40123456-9", "F-2", "06/01/2024", "2.000,00"],
    ]

    static func run(_ last: [String]) -> ImportBatch {
        Importer(options: ImportOptions(country: "VE", currency: "VES"))
            .importSource(MemorySource(csv: [header] + invoices + [last]))
    }

    @Test(arguments: [
        ["TOTAL GENERAL", "", "3", "", "3.000,00"],         // the count of invoices
        ["Subtotal Alfa C.A.", "", "(2)", "", "3.000,00"],
        ["TOTAL", "", "2 facturas", "", "3.000,00"],
        ["", "", "3 facturas", "", "3.000,00"],              // no label, a worded count
        ["TOTAL", "", "", "31/01/2024", "3.000,00"],         // the cut-off date
        ["Total Alfa C.A.", "J-30123456-1", "", "", "1.000,00"],  // the group's tax ID
        ["Subtotales", "", "", "", "3.000,00"],
        ["Saldo total", "", "", "", "3.000,00"],
        ["Importe total:", "", "", "", "3.000,00"],
        ["Van:", "", "", "", "3.000,00"],
    ])
    func totalsRowsAreLeftOut(row: [String]) throws {
        let batch = Self.run(row)
        #expect(batch.invoices.map(\.number.value) == ["F-1", "F-2"])
        #expect(batch.rejects.isEmpty)
        let accounting = try #require(batch.accounting.first)
        #expect(accounting.totalsSkipped == 1 && accounting.balances)
    }

    /// The count of a bare totals label is counted as a number cell too (a workbook's `3`).
    @Test func aNumericCountUnderATotalsLabel() throws {
        let rows = ArrayRowStream.rows([Self.header] + Self.invoices) + [
            Row(number: 4, line: nil, cells: [.text("TOTAL GENERAL"), .empty, .number(2), .empty, .number(3000)]),
        ]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES"))
            .importSource(MemorySource(sheets: [.init(name: "CxC", rows: rows)]))
        #expect(batch.invoices.count == 2 && batch.accounting.first?.totalsSkipped == 1)
    }

    @Test(arguments: [
        ["Total Seguros C.A.", "J-30123456-1", "F-010", "05/01/2024", "500,00"],   // a customer with an invoice
        ["Van Heusen S.A.", "J-40123456-9", "F-011", "05/01/2024", "500,00"],
        ["TOTAL", "", "F-012", "07/01/2024", "500,00"],                              // a real document number
    ])
    func customersNamedLikeTotalsStayData(row: [String]) throws {
        let batch = Self.run(row)
        #expect(batch.invoices.count == 3)
        #expect(batch.accounting.first?.totalsSkipped == 0)
    }

    /// A bare number in the document column of a row with no label is the count of documents
    /// where the documents are `F-1`, `00101`; where they are bare numbers too (`1`, `2`), it may be
    /// an invoice whose customer is missing: imported (and warned), not left out as totals.
    @Test func aBareNumberWithoutALabel() throws {
        let counted = Self.run(["", "", "2", "", "3.000,00"])
        #expect(counted.invoices.count == 2 && counted.accounting.first?.totalsSkipped == 1)
        let rows = [Self.header, ["Alfa C.A.", "J-30123456-1", "1", "05/01/2024", "1.000,00"],
                    ["Beta C.A.", "J-40123456-9", "2", "06/01/2024", "2.000,00"], ["", "", "3", "", "500,00"]]
        let numbered = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
        #expect(numbered.invoices.count == 3 && numbered.accounting.first?.totalsSkipped == 0)
    }

    /// `Total Seguros C.A.` with an invoice number is a customer's invoice, dated or not; so is
    /// `Van Heusen` (QA: both were dropped as totals when the row had no date).
    @Test(arguments: [
        ["Total Seguros C.A.", "J-30123456-1", "00102", "", "2.500,00"],
        ["Van Heusen C.A.", "J-40123456-9", "00103", "", "800,00"],
    ])
    func undatedInvoicesOfTotalsLikeCustomers(row: [String]) throws {
        let batch = Self.run(row)
        #expect(batch.invoices.count == 3 && batch.accounting.first?.totalsSkipped == 0)
    }

    /// A printed report's page lines are skipped with the header rows, not rejected.
    @Test(arguments: ["Página 1 de 2", "Pág. 3/10", "Page 2 of 5", "HOJA 4"])
    func pageLinesAreSkipped(_ text: String) throws {
        let batch = Self.run([text, "", "", "", ""])
        #expect(batch.rejects.isEmpty && batch.invoices.count == 2)
        #expect(batch.accounting.first?.headerRows == 2)
        #expect(batch.diagnostics.contains { $0.code == "MAP-PAGE-LINE" && $0.location?.row == 4 })
    }
}

/// Remarks under a report's totals (who made it, a note, a signature line) are no records and no
/// rejects: skipped and counted, each said once.
struct ReportRemarkTests {
    @Test func remarksUnderTheTotalsAreSkipped() {
        let rows = [TotalsRowTests.header] + TotalsRowTests.invoices + [["-", "-", "-", "-", "-"],
            ["TOTAL", "", "", "", "3.000,00"], ["", "", "", "", ""], ["Nota: montos en USD", "", "", "", ""],
            ["Elaborado por: Ana Pérez", "", "", "", ""], ["Firma", "", "", "", ""], ["Fuente: ERP", "", "", "", ""],
            // A sign-off with its date.
            ["Revisado por: Gerencia", "", "01/07/2024", "", ""],
        ]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.count == 2)
        #expect(batch.accounting.reduce(0) { $0 + $1.otherSkipped } == 6)
        #expect(batch.diagnostics.filter { $0.code == "MAP-SEPARATOR-ROW" }.count == 1)
        #expect(batch.diagnostics.filter { $0.code == "MAP-REMARK-ROW" }.count == 5)
        // A customer named so, with a document, is a record.
        #expect(!TableImporter.isReportRemark("Fuentes del Valle C.A.") && TableImporter.isReportRemark("Revisado por"))
    }
}

