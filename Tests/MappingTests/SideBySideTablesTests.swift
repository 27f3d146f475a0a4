import Foundation
import Receivables
import Tabular
import Testing
import XLSXReader
@testable import Mapping

/// Two tables side by side on one header row (invoices in A–F, payments in I–M, blank columns
/// between) are two tables: each mapped on its own, named, with its own row accounting and its
/// values' provenance in its own columns. One table with a blank spacer column is not split, and a
/// header row that cannot be split is still warned about.
struct SideBySideTablesTests {
    /// The QA workbook `ventas-tomas.xlsx`, sheet `Facturas`: the payment in row 2 is for 00502,
    /// not for the invoice beside it.
    static let invoicesAndPayments: [[String]] = [
        ["Cliente", "RIF", "Factura", "Fecha", "Monto", "Saldo", "", "", "Fecha pago", "Cliente", "Factura", "Monto pagado", "Referencia"],
        ["Panadería La Espiga C.A.", "J-31600001-0", "00501", "02/05/2024", "1000", "1000", "", "",
         "20/05/2024", "Panadería La Espiga C.A.", "00502", "200", "TRF-001"],
        ["Panadería La Espiga C.A.", "J-31600001-0", "00502", "09/05/2024", "700", "500"],
        ["Licorería El Barril C.A.", "J-31600002-8", "00503", "12/05/2024", "800", "800"],
    ]

    static let options = ImportOptions(country: "VE", currency: "USD")

    static func importSheet(_ rows: [[String]], options: ImportOptions = options) -> ImportBatch {
        Importer(options: options).importSource(MemorySource(path: "t.xlsx", sheets: [.init(name: "Facturas", rows: ArrayRowStream.rows(rows, line: false))]))
    }

    static func sideBySideWarnings(_ batch: ImportBatch) -> [Diagnostic] {
        batch.diagnostics.filter { $0.code == "MAP-TABLES-SIDE-BY-SIDE" }
    }

    /// What QA found: the payment beside invoice 00501 was read as its `paid`, and no payment was imported.
    @Test func twoTablesOnOneHeaderRowAreReadApart() throws {
        let batch = Self.importSheet(Self.invoicesAndPayments)
        #expect(batch.invoices.map(\.number.value) == ["00501", "00502", "00503"])
        #expect(batch.invoices.allSatisfy { $0.paid == nil })
        let payment = try #require(batch.payments.first)
        #expect(batch.payments.count == 1)
        #expect(payment.invoiceNumber?.value == "00502" && payment.amount.value.amount == Decimal(200))
        #expect(payment.reference?.value == "TRF-001")
        // Provenance in the payments table's own columns.
        #expect(payment.amount.provenance?.location.column == 12)
        #expect(payment.invoiceNumber?.provenance?.location.column == 11)
        #expect(payment.id.rawValue == "t.xlsx#Facturas!I2")
        #expect(Set(batch.customers.map(\.id)).count == batch.customers.count)
        #expect(Self.sideBySideWarnings(batch).isEmpty)
    }

    /// Each table accounts for every row of the rows they share, counting its own columns of it:
    /// the payments table's rows 3 and 4 are blank in I–M.
    @Test func eachTableAccountsForItsOwnColumnsOfTheSharedRows() {
        let accounting = Self.importSheet(Self.invoicesAndPayments).accounting
        #expect(accounting.map(\.table) == ["Table 1", "Table 2"])
        #expect(accounting.allSatisfy { $0.balances && $0.rowsRead == 4 && $0.headerRows == 1 })
        #expect(accounting.map(\.imported) == [3, 1])
        #expect(accounting.map(\.blank) == [0, 2])
    }

    /// A title above each group names its table: a title line, or a label right over the header
    /// (read as the group row of a two-row header, each group's label over its table's columns).
    @Test(arguments: [true, false])
    func eachTableIsNamedByTheTitleAboveIt(blankLineUnderTitles: Bool) {
        let titles = [["Facturas", "", "", "", "", "", "", "", "Pagos recibidos"]] + (blankLineUnderTitles ? [[]] : [])
        let batch = Self.importSheet(titles + Self.invoicesAndPayments)
        #expect(batch.accounting.map(\.table) == ["Facturas", "Pagos recibidos"])
        let rowsRead = blankLineUnderTitles ? 6 : 5
        #expect(batch.accounting.allSatisfy { $0.balances && $0.rowsRead == rowsRead })
        #expect(batch.accounting.map(\.blank) == (blankLineUnderTitles ? [1, 3] : [0, 2]))
        #expect(batch.payments.map(\.invoiceNumber?.value) == ["00502"])
        #expect(batch.invoices.count == 3 && batch.invoices.allSatisfy { $0.paid == nil })
    }

    /// A table below the two, across the whole width, is a table of its own as before, and a
    /// reject's raw text starts at its table's first column.
    @Test func aTableBelowSideBySideTablesIsItsOwn() {
        let rows = Self.invoicesAndPayments + [
            ["", "", "", "", "", "", "", "", "21/05/2024", "Licorería El Barril C.A.", "00503", "abc", "TRF-002"],
            [],
            ["Clientes"],
            ["Cliente", "RIF", "Teléfono"],
            ["Panadería La Espiga C.A.", "J-31600001-0", "0414-5551234"],
        ]
        let batch = Self.importSheet(rows)
        #expect(batch.accounting.map(\.table) == ["Table 1", "Table 2", "Clientes"])
        #expect(batch.accounting.allSatisfy { $0.balances })
        #expect(batch.accounting.map(\.rowsRead) == [5, 5, 4])
        #expect(batch.rejects.map(\.rawText) == ["21/05/2024 | Licorería El Barril C.A. | 00503 | abc | TRF-002"])
        #expect(batch.rejects.first?.location.column == 12)
        #expect(batch.customers.contains { $0.id.rawValue == "t.xlsx#Facturas!9" })
    }

    /// The same sheet as a workbook reads the same, through the XLSX reader.
    @Test func theWorkbookReadsAsTwoTables() throws {
        let path = try TestWorkbook.write(named: "side-by-side", sheet: "Facturas", rows: Self.invoicesAndPayments)
        let batch = Importer(options: Self.options).importSource(try XLSXWorkbook(path: path))
        #expect(batch.accounting.map(\.table) == ["Table 1", "Table 2"])
        #expect(batch.accounting.allSatisfy { $0.balances })
        #expect(batch.invoices.count == 3 && batch.invoices.allSatisfy { $0.paid == nil })
        #expect(batch.payments.map(\.invoiceNumber?.value) == ["00502"])
        #expect(batch.payments.first?.amount.provenance?.location.column == 12)
    }

    /// `consolida map` names each table (`Table 1`, `Table 2`), and importing with what it wrote
    /// gives what the automatic mapping gives.
    @Test func aProposedMappingNamesEachTableAndImportsTheSame() throws {
        let source = MemorySource(path: "t.xlsx", sheets: [.init(name: "Facturas", rows: ArrayRowStream.rows(Self.invoicesAndPayments, line: false))])
        let automatic = Importer(options: Self.options).importSource(source)
        let (proposal, _) = Importer(options: Self.options).proposeMapping(source)
        #expect(proposal.tables.map(\.table) == ["Table 1", "Table 2"])
        #expect(proposal.tables.map(\.kind) == [.invoices, .payments])
        #expect(proposal.tables[1].columns["document_number"]?.column == "K")
        let reread = try MappingFile.parse(yaml: try proposal.yaml(comment: "x"))
        var options = Self.options
        options.mapping = reread
        let mapped = Importer(options: options).importSource(source)
        #expect(mapped.invoices == automatic.invoices)
        #expect(mapped.payments == automatic.payments)
        #expect(mapped.customers == automatic.customers)
        #expect(mapped.accounting == automatic.accounting)
        #expect(!mapped.diagnostics.contains { $0.code.hasPrefix("MAP-MAPPING") })
    }

    /// A blank column inside one table is a spacer: its groups do not each name a record and a
    /// value, or they share no field (a table seldom holds one field twice).
    @Test(arguments: [
        [["Cliente", "RIF", "", "Factura", "Fecha", "Monto"], ["Acme C.A.", "J-30123456-0", "", "F-1", "01/03/2024", "100"]],
        [["Factura", "Fecha", "Monto", "", "Cliente", "Saldo"], ["F-1", "01/03/2024", "100", "", "Acme C.A.", "50"]],
    ])
    func aSpacerColumnInsideOneTableIsNoSplit(_ rows: [[String]]) {
        let batch = Self.importSheet(rows)
        #expect(batch.accounting.count == 1 && batch.accounting.first?.table == nil)
        #expect(batch.invoices.count == 1)
    }

    /// A column with data between the groups joins them: one table, said as before.
    @Test func groupsJoinedByDataAreOneTableAndSaid() throws {
        let rows = [["Cliente", "Factura", "Fecha", "Monto", "", "Fecha", "Referencia", "Cliente", "Monto"],
                    ["Acme", "F-1", "01/03/2024", "100", "x", "01/04/2024", "R-1", "Acme", "50"]]
        let batch = Self.importSheet(rows)
        #expect(batch.accounting.count == 1)
        let w = try #require(Self.sideBySideWarnings(batch).first)
        #expect(w.message.contains("columns A–D and F–I both have Cliente, Fecha, Monto"))
    }

    /// Tables side by side that go on past the rows held for table finding are read as one table
    /// (their rows stream through one), and the user is told.
    @Test func tablesGoingOnPastTheWindowAreReadWholeAndSaid() throws {
        var options = Self.options
        options.windowRows = 2
        let batch = Self.importSheet(Self.invoicesAndPayments, options: options)
        #expect(batch.accounting.count == 1 && batch.accounting.allSatisfy { $0.balances })
        let w = try #require(Self.sideBySideWarnings(batch).first)
        #expect(w.message.contains("columns A–F, I–M"))
    }

    @Test func aBlankColumnAloneIsNot() {
        let batch = Self.importSheet([["Cliente", "Factura", "", "Monto", "Saldo"], ["Acme", "F-1", "x", "100", "50"]])
        #expect(Self.sideBySideWarnings(batch).isEmpty)
    }
}
