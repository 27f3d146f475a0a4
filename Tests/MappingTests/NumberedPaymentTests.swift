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
        ("Payment 10", "payment", 10),
    ])
    func aNumberedPaymentHeader(_ header: String, _ word: String, _ number: Int) throws {
        let parsed = try #require(ColumnMapper.numberedPayment(header))
        #expect(parsed.word == word && parsed.number == number)
    }

    @Test(arguments: ["Abonado", "Saldo 1", "Pago 2024", "Factura 1", "1"])
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

    @Test func instalmentsInTwoCurrenciesAreNoSum() {
        let batch = Self.importing([["Cliente", "Nº Factura", "Monto", "Abono 1", "Abono 2", "Saldo"],
                                    ["Alfa C.A.", "F-1", "1.500,00", "USD 500,00", "Bs. 300,00", "700,00"],
                                    ["Beta C.A.", "F-2", "2.000,00", "100,00", "", "1.900,00"]])
        #expect(batch.rejects.map(\.location.row) == [2])
        #expect(batch.invoices.map { $0.paid?.value.amount } == [100])
    }

    /// An unnumbered paid column keeps its place alone; a numbered one with no siblings too.
    @Test func oneColumnStaysOne() {
        let m = AutomaticMapping.of(["Cliente", "Factura", "Monto", "Abono 1", "Saldo"],
                                    text: [["Alfa", "F-1", "100", "40", "60"]])
        #expect(m[.paid]?.columns == [4])
    }
}
