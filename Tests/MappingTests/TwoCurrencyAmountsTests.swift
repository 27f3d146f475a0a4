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
