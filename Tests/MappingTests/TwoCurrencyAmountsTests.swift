import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A table with its amounts in two currencies, a column each, says which it read.
struct TwoCurrencyAmountsTests {
    @Test func theOtherCurrencysColumnsAreNamed() {
        let source = MemorySource(path: "cartera.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto Bs.", "Monto USD", "Saldo Bs.", "Saldo USD"],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "3.650,00", "100,00", "3.650,00", "100,00"],
            ["Bodega Sol", "F-2", "02/03/2024", "7.300,00", "200,00", "0,00", "0,00"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        let warned = batch.diagnostics.filter { $0.code == "MAP-AMOUNTS-IN-TWO-CURRENCIES" }
        #expect(warned.count == 1)
        #expect(warned.first.map { $0.message.contains("\"Monto USD\", \"Saldo USD\"") && $0.message.contains("VES") } == true,
                "\(warned)")
        #expect(batch.invoices.count == 2)
    }

    /// The amount read in one currency and the balance in another: said too.
    @Test func fieldsReadInTwoCurrenciesAreSaid() {
        let source = MemorySource(path: "cartera.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto USD", "Saldo Bs."],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "3.650,00"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        #expect(batch.diagnostics.filter { $0.code == "MAP-AMOUNTS-IN-TWO-CURRENCIES" }.count == 1)
    }

    /// The amount is read in the balance's currency (the debt's), whichever column comes first:
    /// `1.234.567,89 Bs.` is no amount of a 27,027.11 USD debt.
    @Test func theAmountTakesTheBalancesCurrency() {
        let source = MemorySource(path: "cartera.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto Bs.", "Tasa BCV", "Monto USD", "Saldo USD"],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "1.234.567,89", "45,6789", "27.027,11", "12.027,11"],
        ])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        let invoice = batch.invoices.first
        #expect(invoice?.amount?.value == Money(Decimal(string: "27027.11")!, .usd))
        #expect(invoice?.balance?.value == Money(Decimal(string: "12027.11")!, .usd))
        #expect(invoice?.extra["Monto Bs."] == "1.234.567,89")
        // With no column in the balance's currency, the amount is no field's: an extra.
        let lone = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(path: "cartera.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Monto USD", "Saldo Bs."],
            ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "3.650,00"],
        ]))
        #expect(lone.invoices.first?.amount == nil && lone.invoices.first?.extra["Monto USD"] == "100,00")
    }

    /// One currency, or a currency column beside amounts without one: nothing to say.
    @Test func oneCurrencySaysNothing() {
        for headers in [["Cliente", "Factura", "Fecha", "Monto USD", "Saldo USD"],
                        ["Cliente", "Factura", "Fecha", "Monto", "Saldo"]] {
            let source = MemorySource(path: "cartera.csv", csv: [headers, ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "100,00"]])
            let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
            #expect(!batch.diagnostics.contains { $0.code == "MAP-AMOUNTS-IN-TWO-CURRENCIES" }, "\(headers)")
        }
    }
}

/// One row's figures in two currencies (a bolívar invoice's payment in dollars): the one in
/// another currency than the document's is left out and said at its cell, not written as bolívars.
struct MixedCurrencyRowTests {
    @Test func aFigureInAnotherCurrencyIsLeftOut() throws {
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(path: "c.csv", csv: [
            ["Cliente", "Factura", "Monto", "Abonado", "Saldo"],
            ["Abasto Luna", "F-1", "Bs. 3.650,00", "USD 50,00", "Bs. 1.825,00"],
            ["Bodega Sol", "F-2", "Bs. 100,00", "Bs. 40,00", "Bs. 60,00"]]))
        let f1 = try #require(batch.invoices.first { $0.number.value == "F-1" })
        #expect(f1.paid == nil && f1.balance?.value == Money(1825, .ves) && f1.currency == .ves)
        let said = batch.diagnostics.filter { $0.code == "MAP-CURRENCY-MISMATCH" }
        #expect(said.map(\.location?.column) == [4] && said.first?.found == "USD 50,00")
        #expect(batch.invoices.first { $0.number.value == "F-2" }?.paid?.value == Money(40, .ves))
    }
}

/// A currency the table's preamble states (`Moneda: USD`) is its amounts' when they name none.
struct StatedCurrencyTests {
    @Test(arguments: [("Moneda: USD", "USD"), ("Expresado en dólares", "USD"), ("Cifras en Bs.", "VES"), ("Divisa: COP", "COP")])
    func thePreamblesCurrency(_ line: String, _ code: String) {
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(path: "cartera.xlsx", sheets: [
            .init(name: "Hoja1", rows: ArrayRowStream.rows([["Cartera al 30/11/2026"], [line], [],
                                                            ["Cliente", "Factura", "Saldo"], ["Abasto Luna C.A.", "F-1", "100,00"]]))]))
        #expect(batch.invoices.first?.currency?.code == code)
        #expect(batch.invoices.first?.balance?.value.currency?.code == code)
    }

    @Test func theConfiguredCurrencyWhenThePreambleStatesNone() {
        let batch = Importer(options: ImportOptions(country: "VE", currency: "EUR")).importSource(MemorySource(path: "c.xlsx", sheets: [
            .init(name: "Hoja1", rows: ArrayRowStream.rows([["Cartera"], ["Cliente", "Factura", "Saldo"], ["Abasto", "F-1", "100,00"]]))]))
        #expect(batch.invoices.first?.currency?.code == "EUR")
    }
}

/// A `$` in a header means what a bare `$` means where the data comes from.
struct DollarHeaderTests {
    @Test(arguments: [("VE", "USD"), ("CO", "COP"), ("MX", "MXN")])
    func aDollarHeader(_ country: String, _ code: String) {
        let batch = Importer(options: ImportOptions(country: country)).importSource(MemorySource(path: "c.csv", csv: [
            ["Cliente", "Factura", "Monto ($)", "Saldo $"], ["Abasto Luna C.A.", "F-1", "600,00", "600,00"]]))
        #expect(batch.invoices.first?.balance?.value.currency?.code == code)
    }

    @Test func theBalancesDollarsPickTheAmount() {
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(path: "c.csv", csv: [
            ["Cliente", "Factura", "Monto Bs.", "Monto $", "Saldo $"], ["Abasto", "F-1", "21.900,00", "600,00", "600,00"]]))
        #expect(batch.invoices.first?.amount?.value == Money(600, .usd))
        // The bolívar column kept as an extra is said, as for `Monto USD`: folding drops the `$`.
        let warned = batch.diagnostics.filter { $0.code == "MAP-AMOUNTS-IN-TWO-CURRENCIES" }
        #expect(warned.count == 1 && warned.first?.message.contains("\"Monto Bs.\"") == true, "\(warned)")
    }
}
