import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A customer statement's running balance, checked line by line (``RunningBalanceCheck``): a line
/// whose balance does not follow from the one before is said at its balance cell, once per fault,
/// however the rows are cut into chunks.
struct RunningBalanceTests {
    static func warnings(_ rows: [[String]], flush: Int = 1000) -> (batch: ImportBatch, said: [Diagnostic]) {
        let batch = ImpliedOpeningTests.importing(rows, flush: flush)
        return (batch, batch.diagnostics.filter { $0.code == RunningBalanceCheck.code })
    }

    static let header = ["Fecha", "Concepto", "Debe", "Haber", "Saldo"]

    /// Eight lines, each balance the one before plus the charge less the credit.
    static let april: [[String]] = [
        ["Estado de cuenta - Librería Bolívar"],
        header,
        ["01/04/2024", "Saldo anterior", "", "", "1.000,00"],
        ["02/04/2024", "Factura F-201", "500,00", "", "1.500,00"],
        ["05/04/2024", "Pago recibido", "", "700,00", "800,00"],
        ["08/04/2024", "Factura F-202", "250,00", "", "1.050,00"],
        ["12/04/2024", "Factura F-203", "120,00", "", "1.170,00"],
        ["15/04/2024", "Nota de crédito NC-12", "", "70,00", "1.100,00"],
        ["20/04/2024", "Factura F-204", "300,00", "", "1.400,00"],
        ["25/04/2024", "Pago recibido", "", "400,00", "1.000,00"],
    ]

    @Test(arguments: [1, 2, 3, 1000])
    func aStatementThatRunsSaysNothing(flush: Int) {
        let (batch, said) = Self.warnings(Self.april, flush: flush)
        #expect(said.isEmpty)
        #expect(batch.invoices.count == 8)
    }

    /// `1.150,00` for `1.050,00`: the next line runs on from the true balance. One warning, at the
    /// mistyped cell, with the balance it should show; every line is imported as written.
    @Test(arguments: [1, 2, 3, 1000])
    func aMistypedBalanceIsSaidOnce(flush: Int) throws {
        var rows = Self.april
        rows[5][4] = "1.150,00"
        let (batch, said) = Self.warnings(rows, flush: flush)
        #expect(said.count == 1)
        let warning = try #require(said.first)
        #expect(warning.location?.row == 6 && warning.location?.column == 5 && warning.severity == .warning)
        #expect(warning.found == "1.150,00" && warning.expected == "1050.00")
        #expect(batch.invoices.count == 8 && batch.rejects.isEmpty)
    }

    /// A line left out (`F-203` missing): the balances after it run on from the line it would
    /// have moved. One warning, at the first line whose balance does not follow.
    @Test(arguments: [1, 2, 3, 1000])
    func aMissingLineIsSaidWhereTheBalanceJumps(flush: Int) {
        var rows = Self.april
        rows.remove(at: 6)
        let (_, said) = Self.warnings(rows, flush: flush)
        #expect(said.map(\.location?.row) == [7])
        #expect(said.first?.expected == "980.00" && said.first?.found == "1.100,00")
    }

    /// A statement written newest first runs the other way; its mistyped line is said all the same.
    @Test(arguments: [1, 2, 1000])
    func aStatementNewestFirst(flush: Int) {
        var rows = Array(Self.april.prefix(2)) + Self.april.dropFirst(3).reversed()
        let (batch, none) = Self.warnings(rows, flush: flush)
        #expect(none.isEmpty && batch.invoices.count == 7)
        rows[5][4] = "1.195,00"  // F-203's line, the fourth from the top
        let (_, said) = Self.warnings(rows, flush: flush)
        #expect(said.map(\.location?.row) == [6])
        #expect(said.first?.expected == "1170.00" && said.first?.message.contains("the line below it") == true)
    }

    /// A fault on the last line, with no line after it to tell, is said at the end of the table.
    @Test func aFaultOnTheLastLine() {
        var rows = Self.april
        rows[9][4] = "999,00"
        #expect(Self.warnings(rows).said.map(\.location?.row) == [10])
    }

    /// Lines that write no balance: the next one written runs from the last one written, their
    /// moves included.
    @Test func linesWithoutABalance() {
        var rows = Self.april
        rows[4][4] = ""; rows[6][4] = ""
        #expect(Self.warnings(rows).said.isEmpty)
        rows[7][4] = "1.200,00"
        #expect(Self.warnings(rows).said.map(\.location?.row) == [8])
    }

    /// Each customer's lines under their heading run from their own balance: a new customer's
    /// first balance follows from nothing before it.
    @Test(arguments: [1, 3, 1000])
    func eachCustomerRunsOnItsOwn(flush: Int) {
        let rows: [[String]] = [
            ["Fecha", "Concepto", "Serie", "Folio", "Cargos", "Abonos", "Saldo"],
            ["Cliente: REFACCIONARIA LOPEZ SA DE CV"],
            ["03/09/2026", "Factura", "A", "1045", "18560.00", "", "18560.00"],
            ["10/09/2026", "Nota de crédito", "NC", "12", "", "1160.00", "17400.00"],
            ["15/09/2026", "Factura", "A", "1046", "1000.00", "", "18400.00"],
            ["Cliente: ABARROTES DOÑA MARY"],
            ["05/10/2026", "Factura", "A", "1010", "5220.00", "", "5220.00"],
            ["20/11/2026", "Pago", "P", "350", "", "2000.00", "3220.00"],
            ["21/11/2026", "Factura", "A", "1011", "100.00", "", "3330.00"],
        ]
        let (_, said) = Self.warnings(rows, flush: flush)
        #expect(said.map(\.location?.row) == [9])
        #expect(said.first?.location?.column == 7 && said.first?.expected == "3320.00")
    }

    /// A statement of several customers in one table, the customer in a column: the balance
    /// restarts where the customer changes, and runs on through rows that leave the cell blank.
    @Test(arguments: [1, 1000])
    func aCustomerColumn(flush: Int) {
        let rows: [[String]] = [
            ["Cliente", "Fecha", "Documento", "Debe", "Haber", "Saldo"],
            ["Ferretería Luna", "01/03/2024", "F-1", "100,00", "", "100,00"],
            ["", "02/03/2024", "F-2", "50,00", "", "150,00"],
            ["Ferretería Luna", "03/03/2024", "R-1", "", "30,00", "120,00"],
            ["Bodega El Sol", "01/03/2024", "F-7", "400,00", "", "400,00"],
            ["Bodega El Sol", "04/03/2024", "F-8", "60,00", "", "460,00"],
            ["Bodega El Sol", "06/03/2024", "R-9", "", "60,00", "400,00"],
            ["Bodega El Sol", "09/03/2024", "F-9", "35,00", "", "435,00"],
            ["Bodega El Sol", "12/03/2024", "F-10", "15,00", "", "450,00"],
        ]
        let (batch, said) = Self.warnings(rows, flush: flush)
        #expect(said.isEmpty && batch.invoices.count == 8)
        var mistyped = rows
        mistyped[5][5] = "470,00"
        #expect(Self.warnings(mistyped, flush: flush).said.map(\.location?.row) == [6])
    }

    /// Figures in another currency than the block's start a block of their own: nothing is
    /// compared across currencies, and nothing traps.
    @Test func currenciesAreNotCompared() {
        var check = RunningBalanceCheck()
        let usd: Currency = "USD", eur: Currency = "EUR"
        func line(_ move: Decimal, _ balance: Decimal, _ c: Currency?) -> RunningBalanceCheck.Step {
            .init(kind: .line(move: Money(move, c), balance: Money(balance, c)))
        }
        let said = check.take([line(10, 10, usd), line(5, 15, usd), line(5, 99, eur), line(1, 100, eur), line(1, 101, nil),
                               line(2, 103, usd)])
            + check.finish()
        #expect(said.isEmpty)
        #expect(check.direction == .forward)
    }
}
