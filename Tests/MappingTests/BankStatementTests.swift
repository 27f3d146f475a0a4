import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Bank statements: money in (the payments received) and out, with the account's running balance.
struct BankStatementTests {
    /// Statement layouts as Venezuelan and other banks export them: the credit column is the
    /// payment amount, the debit column `money_out`; the running balance stays an extra.
    @Test(arguments: [
        (["Fecha", "Referencia", "Descripción", "Débito", "Crédito", "Saldo"], 5),
        (["Fecha", "Referencia", "Concepto", "Cargo", "Abono", "Saldo"], 5),
        (["Fecha", "Referencia", "Descripción", "Depósito", "Retiro", "Saldo"], 4),
        (["Fecha", "Concepto", "Créditos", "Débitos", "Saldo"], 3),
        (["Fecha", "Descripción", "Débitos (Bs.)", "Créditos (Bs.)", "Saldo (Bs.)"], 4),
        (["Data", "Histórico", "Débito", "Crédito", "Saldo"], 4),
        (["Date", "Description", "Withdrawals", "Deposits", "Balance"], 4),
        (["Fecha", "Referencia", "Ingreso"], 3),
        // Mexico's and Spain's headers: the line's date named for the operation, the bank's own
        // document number for the line.
        (["Fecha Operación", "Concepto", "Referencia", "Cargos", "Abonos", "Saldo"], 5),
        (["Fecha Valor", "Concepto", "Cargos", "Abonos", "Saldo"], 4),
        (["Fecha", "Descripción", "Nro. Documento", "Débito", "Crédito", "Saldo"], 5),
        // `Documento` alone when the money in comes first (a ledger puts its charges first); Peru's
        // and Brazil's currency signs after the sides; Itaú's `Lançamento` and `Entradas | Saídas`.
        (["Fecha", "Descripción", "Documento", "Crédito", "Débito", "Saldo"], 4),
        (["Fecha", "Concepto", "Referencia", "Crédito (S/)", "Débito (S/)", "Saldo (S/)"], 4),
        (["Data", "Histórico", "Docto.", "Crédito (R$)", "Débito (R$)", "Saldo (R$)"], 4),
        (["Data", "Lançamento", "Documento", "Entradas", "Saídas", "Saldo"], 4),
    ])
    func creditColumnIsThePaymentAmount(_ headers: [String], _ credit: Int) {
        let row = headers.map { h -> String in
            switch TextFolding.fold(h).split(separator: " ").first.map(String.init) ?? "" {
            case "fecha", "data", "date": return "03/06/2024"
            case "referencia": return "000998877"
            case "saldo", "balance": return "11.234,56"
            case "descripcion", "concepto", "historico", "description": return "TRANSF DE ABASTO LUNA C.A."
            default: return ""
            }
        }
        var credited = row, debited = row
        credited[credit - 1] = "1.234,56"
        let debit = headers.indices.first { i in
            MappingSettings.debitWords.contains { TextFolding.fold(headers[i]).hasPrefix($0) }
        }
        if let debit { debited[debit] = "500,00" }
        let m = AutomaticMapping.of(headers, text: [credited, debited])
        #expect(m.kind == .payments)
        #expect(m[.paymentAmount]?.columns == [credit])
        #expect(m[.balance] == nil && m[.paid] == nil && m[.amount] == nil)
        let kept = Set(m.extraHeaders)
        #expect(m[.moneyOut]?.columns == debit.map { [$0 + 1] })  // columns count from 1
        for h in headers where ["Saldo", "Saldo (Bs.)", "Balance"].contains(h) { #expect(kept.contains(h)) }
    }

    /// A credit without its date is imported (the money came in) and said at its date cell.
    @Test func anUndatedCreditIsImportedAndSaid() {
        let rows = ArrayRowStream.rows([["Fecha", "Descripción", "Referencia", "Débito", "Crédito", "Saldo"],
                                        ["02/03/2024", "TRANSF ALFA", "1", "", "1.250,00", "11.250,00"],
                                        ["", "TRANSF SIN FECHA", "5", "", "100,00", "11.350,00"]])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(
            MemorySource(path: "banco.csv", sheets: [.init(name: "", rows: rows)]))
        #expect(batch.payments.count == 2 && batch.payments[1].date == nil)
        #expect(batch.diagnostics.filter { $0.code == "MAP-PAYMENT-NO-DATE" }.map { $0.location?.cell?.a1 } == ["A3"])
    }

    /// `Monto` beside `Abono` with no debit column is an invoice's total and its part paid, and a
    /// table with a document number lists invoices, not statement lines.
    @Test(arguments: [
        ["Fecha", "Cliente", "Concepto", "Monto", "Abono", "Saldo"],
        ["Fecha", "Factura", "Referencia", "Débito", "Crédito", "Saldo"],
    ])
    func noStatementWithoutItsShape(_ headers: [String]) {
        let m = AutomaticMapping.of(headers, text: [["03/06/2024", "Acme", "F-1", "100,00", "40,00", "60,00"]])
        #expect(m[.paymentAmount] == nil)
    }

    /// A header that only mentions credit (`Días de crédito`, `Límite de crédito`) is no credit column.
    @Test func creditTermsAreNoCredits() {
        let m = AutomaticMapping.of(["Fecha", "Referencia", "Días de crédito", "Límite de crédito"],
                                    text: [["03/06/2024", "000998877", "30", "1.000,00"]])
        #expect(m[.paymentAmount] == nil)
    }

    /// Imported: each credit is a payment; a debit line (money out) is skipped with a note at its
    /// debit cell, and a row with neither amount is rejected with its cell, so every row is
    /// accounted for.
    @Test func statementImportsItsCredits() throws {
        let source = MemorySource(path: "banco.csv", csv: [
            ["BANESCO BANCO UNIVERSAL"],
            ["Fecha", "Referencia", "Descripción", "Débito", "Crédito", "Saldo"],
            ["03/06/2024", "000998877", "TRANSF DE ABASTO LUNA C.A.", "", "1.234,56", "11.234,56"],
            ["04/06/2024", "000998878", "PAGO PROVEEDOR", "500,00", "", "10.734,56"],
            ["05/06/2024", "000998879", "COMISION", "12,00", "0,00", "10.722,56"],
            ["06/06/2024", "000998880", "SIN MONTO", "", "", "10.722,56"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(source)
        let payment = try #require(batch.payments.first)
        #expect(batch.payments.count == 1)
        #expect(payment.amount.value == Money(Decimal(string: "1234.56")!, "USD"))
        #expect(payment.reference?.value == "000998877")
        #expect(payment.extra["Débito"] == nil && payment.extra["Saldo"] == "11.234,56")
        #expect(batch.rejects.map(\.location.row) == [6])
        let skipped = batch.diagnostics.filter { $0.code == "MAP-MONEY-OUT-LINE" }
        #expect(skipped.map(\.location?.row) == [4, 5] && skipped.allSatisfy { $0.location?.column == 4 })
        #expect(batch.accounting.map(\.otherSkipped) == [2])
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// A mapping file names the debit column `money_out`; `consolida map` writes it so.
    @Test func moneyOutRoundTripsThroughAMappingFile() throws {
        let m = AutomaticMapping.of(["Fecha", "Referencia", "Débito", "Crédito", "Saldo"],
                                    text: [["03/06/2024", "1", "", "1.234,56", "11.234,56"], ["04/06/2024", "2", "500,00", "", "10.734,56"]])
        #expect(m[.moneyOut]?.columns == [3])
        #expect(Field(rawValue: "money_out") == .moneyOut)
    }

    /// One signed amount column (deposits positive, withdrawals negative): the column is the
    /// payment amount and `money_out` both; the running balance stays an extra.
    @Test(arguments: [
        ["Fecha", "Concepto", "Referencia", "Monto", "Saldo"],
        ["Fecha", "Descripción", "Importe", "Saldo"],
        ["Fecha", "Referencia", "Descripción", "Monto Bs.", "Saldo Bs."],
    ])
    func oneSignedColumnIsAStatement(_ headers: [String]) throws {
        func row(_ amount: String, _ balance: String) -> [String] {
            headers.map { h in
                switch TextFolding.fold(h).split(separator: " ").first.map(String.init) ?? "" {
                case "fecha": return "03/01/2024"
                case "referencia": return "000123"
                case "saldo": return balance
                case "monto", "importe": return amount
                default: return "TRANSF RECIBIDA"
                }
            }
        }
        let m = AutomaticMapping.of(headers, text: [row("1.500,00", "11.500,00"), row("-2.000,00", "9.500,00"),
                                                    row("-15,50", "9.484,50")])
        #expect(m.kind == .payments)
        let amount = try #require(headers.firstIndex { ["Monto", "Importe", "Monto Bs."].contains($0) }) + 1
        #expect(m[.paymentAmount]?.columns == [amount] && m[.moneyOut]?.columns == [amount])
        #expect(m[.balance] == nil && m[.amount] == nil)
    }

    /// Imported: the positive lines are payments, the negative ones money out (skipped, counted).
    @Test func signedStatementImportsItsDeposits() throws {
        let source = MemorySource(path: "banco.csv", csv: [
            ["Fecha", "Concepto", "Referencia", "Monto", "Saldo"],
            ["03/01/2024", "TRANSF RECIBIDA ALFA", "000123", "1.500,00", "11.500,00"],
            ["04/01/2024", "PAGO PROVEEDOR", "000124", "-2.000,00", "9.500,00"],
            ["05/01/2024", "COMISION", "000125", "(15,50)", "9.484,50"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(source)
        #expect(batch.payments.map(\.amount.value) == [Money(1500, "VES")])
        #expect(batch.diagnostics.filter { $0.code == "MAP-MONEY-OUT-LINE" }.map(\.location?.row) == [3, 4])
        #expect(batch.accounting.map(\.otherSkipped) == [2] && batch.accounting.allSatisfy(\.balances))
    }

    /// Positive amounts only, a document or customer column, or no running balance: no signed
    /// statement (an invoice list's credit notes are negative too, and its `Saldo` is each
    /// document's own).
    @Test(arguments: [
        (["Fecha", "Concepto", "Referencia", "Monto"], ["1.500,00", "2.000,00"]),
        (["Fecha", "Cliente", "Concepto", "Monto"], ["1.500,00", "-200,00"]),
        (["Fecha", "Factura", "Concepto", "Monto"], ["1.500,00", "-200,00"]),
        (["Fecha", "Concepto", "Referencia", "Monto"], ["1.500,00", "-200,00"]),
        (["Fecha", "Concepto", "Referencia", "Monto", "Saldo"], ["1.500,00", "-250,00", "800,00"]),
    ])
    func noSignedStatementWithoutItsShape(_ headers: [String], _ amounts: [String]) {
        let rows = amounts.map { a in headers.map { h in
            switch h {
            case "Fecha": return "03/01/2024"
            case "Monto", "Saldo": return a   // each document's own balance, no running one
            case "Cliente": return "Alfa C.A."
            case "Factura": return "F-1"
            default: return "000123"
            }
        } }
        let m = AutomaticMapping.of(headers, text: rows)
        #expect(m[.moneyOut] == nil)
    }

    /// Opening and closing balance lines are the account's, no payments.
    @Test func balanceLinesAreNoPayments() throws {
        let source = MemorySource(path: "banco.csv", csv: [
            ["Fecha", "Concepto", "Referencia", "Monto", "Saldo"],
            ["01/03/2024", "SALDO INICIAL", "", "10.000,00", "10.000,00"],
            ["02/03/2024", "TRANSF RECIBIDA", "123456", "1.500,00", "11.500,00"],
            ["03/03/2024", "COMISION BANCARIA", "", "-25,00", "11.475,00"],
            ["05/03/2024", "DEPOSITO EFECTIVO", "555", "200,00", "11.675,00"],
            ["31/03/2024", "SALDO FINAL", "", "11.675,00", "11.675,00"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(source)
        #expect(batch.payments.map(\.amount.value) == [Money(1500, "USD"), Money(200, "USD")])
        #expect(batch.diagnostics.filter { $0.code == "MAP-BALANCE-LINE" }.map(\.location?.row) == [2, 6])
        #expect(batch.accounting.map(\.otherSkipped) == [3])
    }
}
