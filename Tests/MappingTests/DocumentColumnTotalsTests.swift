import Receivables
import Tabular
import Testing
@testable import Mapping

/// Totals rows of reports that repeat the customer on every row and put the totals label in the
/// document column (QA session 21, finding 1: `Ferretería Núñez | 30-71234567-1 | Total | | | 3.000,00`
/// was imported as an invoice, tripling the customer's debt). Left out and counted as totals,
/// whether the customer is repeated or not; a real document, dated or numbered, stays data.
struct DocumentColumnTotalsTests {
    static let header = ["Cliente", "CUIT", "Comprobante", "Fecha", "Vencimiento", "Importe", "Saldo"]
    static let invoices: [[String]] = [
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "FC A 0001-00000100", "03/06/2024", "03/07/2024", "$ 1.000,00", "$ 1.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "FC A 0001-00000101", "04/06/2024", "04/07/2024", "$ 2.000,00", "$ 2.000,00"],
    ]

    static func run(_ last: [String]) -> ImportBatch {
        Importer(options: ImportOptions(country: "AR")).importSource(MemorySource(csv: [header] + invoices + [last]))
    }

    @Test(arguments: [
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "", "Subtotal", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total cliente", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "TOTAL GENERAL:", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Sub-total", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "2 comprobantes", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total: 2 comprobantes", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Nro. de facturas: 2", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["", "", "Cantidad de comprobantes: 2", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["", "", "Total", "", "", "$ 3.000,00", "$ 3.000,00"],
        ["Total Seguros C.A.", "30-70998877-4", "Total", "", "", "$ 3.000,00", "$ 3.000,00"],
    ])
    func aTotalsLabelInTheDocumentColumnIsATotalsRow(_ row: [String]) throws {
        let batch = Self.run(row)
        #expect(batch.invoices.map(\.number.value) == ["FC A 0001-00000100", "FC A 0001-00000101"])
        #expect(batch.rejects.isEmpty)
        let accounting = try #require(batch.accounting.first)
        #expect(accounting.totalsSkipped == 1 && accounting.imported == 2 && accounting.balances)
        #expect(batch.diagnostics.contains { $0.code == "MAP-TOTALS-ROW" && $0.location?.row == 4 })
    }

    /// A document whose number has digits, or a row with a date, is a document: a customer named
    /// `Total…`, an undated invoice, a number that holds a totals word or a count's shape.
    @Test(arguments: [
        ["Total Seguros C.A.", "30-70998877-4", "00102", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "FC A 0001-00000102", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total", "05/06/2024", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "VAN-1002", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Suma 12", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "2 A", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Factura 3", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Nro. Factura 12", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total 7", "", "", "$ 500,00", "$ 500,00"],
        ["Ferretería Núñez S.R.L.", "30-71234567-1", "3", "", "", "$ 500,00", "$ 500,00"],
    ])
    func documentsStayData(_ row: [String]) throws {
        let batch = Self.run(row)
        #expect(batch.invoices.count == 3, "\(row[2])")
        #expect(batch.accounting.first?.totalsSkipped == 0)
    }

    @Test(arguments: [
        ("2 comprobantes", true), ("1 factura", true), ("12 docs", true), ("cantidad de comprobantes 3", true),
        ("cant cbtes 3", true), ("nro de documentos 12", true), ("comprobantes 3", true), ("total de facturas 4", true),
        ("2 a", false), ("factura 3", false), ("nro factura 12", false), ("00102 facturas", false), ("3", false),
        ("cantidad 3", false), ("documentos", false), ("123456 facturas", false), ("2 facturas pagadas", false),
    ])
    func countsOfDocuments(_ folded: String, _ isCount: Bool) {
        #expect(RowClassifier.isDocumentCountLabel(folded: folded) == isCount)
    }

    /// A grand total under the last customer names none: it is never that customer's invoice,
    /// even in a report laid out to fill customers down (QA: `Cantidad de comprobantes: 3` became
    /// an invoice of Construcciones Pampa).
    @Test func aGrandTotalIsNotFilledDown() throws {
        let rows = [Self.header,
                    ["Ferretería Núñez S.R.L.", "30-71234567-1", "FC A 0001-00000100", "03/06/2024", "", "$ 1.000,00", ""],
                    ["", "", "FC A 0001-00000101", "04/06/2024", "", "$ 2.000,00", ""],
                    ["Construcciones Pampa S.A.", "30-70998877-4", "FC B 0002-00000200", "05/06/2024", "", "$ 500,00", ""],
                    ["", "", "FC B 0002-00000201", "06/06/2024", "", "$ 500,00", ""],
                    ["", "", "Cantidad de comprobantes: 4", "", "", "$ 4.000,00", ""],
                    ["Total ARS", "", "", "", "", "$ 4.000,00", ""]]
        let batch = Importer(options: ImportOptions(country: "AR")).importSource(MemorySource(csv: rows))
        #expect(batch.invoices.count == 4)
        #expect(batch.accounting.first?.totalsSkipped == 2)
        #expect(batch.diagnostics.filter { $0.code == "MAP-CUSTOMER-FILLED-DOWN" }.map { $0.location?.row } == [3, 5])
    }

    /// Plain rows and records leave out the same rows, also when a CSV's rows come as bytes.
    @Test func bothPathsLeaveOutTheSameRows() {
        let rows = [Self.header] + Self.invoices + [
            ["Ferretería Núñez S.R.L.", "30-71234567-1", "Total cliente", "", "", "$ 3.000,00", "$ 3.000,00"],
            ["Total Seguros C.A.", "30-70998877-4", "00102", "", "", "$ 500,00", "$ 500,00"],
            ["Total Seguros C.A.", "30-70998877-4", "2 comprobantes", "", "", "$ 500,00", "$ 500,00"],
            ["", "", "Cantidad de comprobantes: 3", "", "", "$ 3.500,00", "$ 3.500,00"],
        ]
        let plain = PlainRowTests.run(rows, plainRows: true), records = PlainRowTests.run(rows, plainRows: false)
        #expect(plain.0 == records.0)
        #expect(plain.0.invoices.count == 3 && plain.0.accounting.first?.totalsSkipped == 3)
    }

    /// The bytes shortcut says "surely data" only for rows ``RowClassifier/classify(_:)`` calls data,
    /// with a label in the document column too.
    @Test func surelyDataRowsAreDataWithDocumentLabels() {
        let header = Row(number: 1, cells: Self.header.map { .text($0) })
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [3], dateColumns: [4, 5],
                                       documentColumns: [3], checkFirst: [6, 4])
        let customers = ["Ferretería Núñez S.R.L.", "", "Total Seguros C.A."]
        let numbers = ["FC A 0001-00000100", "", "Total", "Total cliente", "2 comprobantes", "Cantidad de comprobantes: 3",
                       "00102", "Subtotal zona 2", "Sub-total"]
        let dates = ["03/06/2024", "", " "]
        var rows: [[String]] = [], totals = 0
        for c in customers { for n in numbers { for d in dates { rows.append([c, "", n, d, d, "$ 1.000,00", ""]) } } }
        let text = TextRowsTests.textRows(rows)
        for r in 0..<text.count {
            let row = text.row(r)
            if text.withRow(r, { classifier.isSurelyData($0) }) { #expect(classifier.classify(row) == .data, "\(row.cells)") }
            if classifier.classify(row) == .totals { totals += 1 }
        }
        #expect(totals > 0)
    }
}
