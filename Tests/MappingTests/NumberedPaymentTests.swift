import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A document paid in instalments, a column each (`Abono 1 | Abono 2`): its paid amount is their
/// sum. Before, only the first column counted and a document paid twice still owed the second.
struct NumberedPaymentTests {
    static func importing(_ texts: [[String]]) -> ImportBatch {
        Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows(texts))]))
    }

    @Test(arguments: [
        ("Abono 1", "abono", 1), ("Pago #2", "pago", 2), ("Abono Nº 3", "abono", 3), ("Cuota2", "cuota", 2),
        ("Payment 10", "payment", 10), ("Abono", "abono", 1), ("Abono 2 USD", "abono USD", 2),
        ("1er Abono", "abono", 1), ("2do abono", "abono", 2), ("Segundo pago", "pago", 2),
    ])
    func aNumberedPaymentHeader(_ header: String, _ word: String, _ number: Int) throws {
        let parsed = try #require(ColumnMapper.numberedPayment(header))
        #expect(parsed.word == word && parsed.number == number)
    }

    @Test(arguments: ["Total abonado", "Saldo 1", "Pago 2024", "Factura 1", "1"])
    func notANumberedPaymentHeader(_ header: String) {
        #expect(ColumnMapper.numberedPayment(header) == nil)
    }

    @Test func instalmentsAreSummed() {
        let batch = Self.importing([["Cliente", "Nº Factura", "Monto", "Abono 1", "Abono 2", "Abono 3", "Saldo"],
                                    ["Alfa C.A.", "F-1", "1.500,00", "500,00", "300,00", "", "700,00"],
                                    ["Beta C.A.", "F-2", "2.000,00", "", "", "", "2.000,00"],
                                    ["Gamma C.A.", "F-3", "900,00", "100,00", "200,00", "300,00", "300,00"]])
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map { $0.paid?.value.amount } == [800, nil, 600])
        // The first filled cell is the value's place.
        #expect(batch.invoices[0].paid?.provenance?.location.column == 4)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-PAID-EXCEEDS-AMOUNT" })
    }

    /// An instalment in another currency than the first is no part of the sum, and is said; the
    /// document stands.
    @Test func anInstalmentInAnotherCurrencyIsNotAdded() {
        let batch = Self.importing([["Cliente", "Nº Factura", "Monto", "Abono 1", "Abono 2", "Saldo"],
                                    ["Alfa C.A.", "F-1", "1.500,00", "USD 500,00", "Bs. 300,00", "1.000,00"],
                                    ["Beta C.A.", "F-2", "2.000,00", "100,00", "", "1.900,00"]])
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map { $0.paid?.value.amount } == [500, 100])
        #expect(batch.diagnostics.contains { $0.code == "MAP-CURRENCY-MISMATCH" && $0.location?.row == 2 && $0.location?.column == 5 })
    }

    /// `Abono` before `Abono 2` is the first instalment; a currency after the number keeps
    /// instalments in one currency together.
    @Test(arguments: [["Abono", "Abono 2", "Abono 3"], ["Abono 1 USD", "Abono 2 USD", "Abono 3 USD"],
                      ["1er Abono", "2do Abono", "3er Abono"]])
    func instalmentHeadersOfOtherShapes(_ headers: [String]) {
        let m = AutomaticMapping.of(["Cliente", "Factura", "Monto"] + headers,
                                    text: [["Alfa", "F-1", "1000", "100", "200", "300"]])
        #expect(m[.paid]?.columns == [4, 5, 6])
    }

    /// An unnumbered paid column keeps its place alone; a numbered one with no siblings too.
    @Test func oneColumnStaysOne() {
        let m = AutomaticMapping.of(["Cliente", "Factura", "Monto", "Abono 1", "Saldo"],
                                    text: [["Alfa", "F-1", "100", "40", "60"]])
        #expect(m[.paid]?.columns == [4])
    }
}
