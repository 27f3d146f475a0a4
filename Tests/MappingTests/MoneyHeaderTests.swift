import Tabular
import Testing
@testable import Mapping

/// Which sum of money a header names: a percentage names none, and a specific money word (paid,
/// balance) beats the generic amount word in the same header.
struct MoneyHeaderTests {
    static let moneyFields: [Field] = [.amount, .paid, .balance, .paymentAmount]

    /// A percentage column is no sum of money: it stays an extra, however its values read.
    @Test(arguments: [
        "Pagado %", "Abonado (%)", "% Cobrado", "Porcentaje pagado", "Pct. pagado", "% Pagado", "Saldo %",
        "Percent paid", "Percentual pago", "Monto (%)",
    ])
    func percentagesAreNoMoney(_ header: String) {
        #expect(AutomaticMapping.field(header) == nil)
        let m = AutomaticMapping.of(["Cliente", "Factura", "Fecha", "Monto", header, "Saldo"],
                                    text: [["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "0,5", "50,00"],
                                           ["Bodega Sol", "F-2", "02/03/2024", "200,00", "0", "200,00"]])
        #expect(m.kind == .invoices)
        #expect(m[.amount]?.columns == [4] && m[.balance]?.columns == [6])
        #expect(m[.paid] == nil && m[.paymentAmount] == nil)
        #expect(m.extraHeaders == [header])
    }

    /// A percentage in the group header (`Cobrado (%) / Pagado`) makes its sub-headers percentages.
    @Test func percentageGroup() {
        let mapper = ColumnMapper(settings: .defaults, country: "VE")
        #expect(mapper.headerMatch(ColumnHeader(column: 1, text: "Pagado", group: "Porcentajes")) == nil)
        #expect(mapper.headerMatch(ColumnHeader(column: 1, text: "Pagado", group: "Importes (USD)"))?.0 == .paid)
    }

    /// The amount paid on an invoice, beside the invoice's total (`Monto`), is `paid`.
    @Test(arguments: ["Monto Abonado", "Monto cobrado", "Monto pagado", "Importe cobrado", "Importe abonado",
                      "Total pagado", "Monto\nAbonado", "Valor pago"])
    func paidBesideTheTotal(_ header: String) {
        for total in ["Monto", "Monto Total", "Importe"] {
            let m = AutomaticMapping.of(["Cliente", "Factura", "Fecha", total, header, "Saldo"],
                                        text: [["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "40,00", "60,00"]])
            #expect(m.kind == .invoices, "\(total) + \(header)")
            #expect(m[.amount]?.columns == [4], "\(total) + \(header)")
            #expect(m[.paid]?.columns == [5], "\(total) + \(header)")
            #expect(m[.paymentAmount] == nil)
        }
    }

    /// Without a balance column, an invoice's total and part paid still make an invoice table.
    @Test func totalAndPartPaidWithoutBalanceAreInvoices() {
        let m = AutomaticMapping.of(["Cliente", "Factura", "Monto Total", "Monto Abonado"],
                                    text: [["Abasto Luna C.A.", "F-1", "100,00", "40,00"]])
        #expect(m.kind == .invoices)
        #expect(m[.paid]?.columns == [4])
    }

    /// The specific money word wins over the generic one, whichever comes first.
    @Test(arguments: [
        ("Importe cobrado", Field.paid), ("Total abonado", .paid), ("Saldo total", .balance), ("Total saldo", .balance),
        ("Monto pendiente", .balance), ("Importe pendiente de pago", .balance), ("Monto Total", .amount),
        ("Valor em aberto", .balance),
    ])
    func specificMoneyWordWins(_ header: String, _ field: Field) {
        #expect(AutomaticMapping.field(header) == field)
    }

    /// A payments list with one sum paid is payments (`Fecha`, `Cliente`, `Monto cobrado`).
    @Test(arguments: ["Monto cobrado", "Importe cobrado", "Pagado", "Monto"])
    func datedSumsPaidArePayments(_ header: String) {
        let m = AutomaticMapping.of(["Fecha", "Cliente", header], text: [["03/06/2024", "Abasto Luna C.A.", "100,00"]])
        #expect(m.kind == .payments)
        #expect(m[.customerName]?.columns == [2])
    }
}
