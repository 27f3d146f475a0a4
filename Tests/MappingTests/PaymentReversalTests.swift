import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A bounced cheque takes back the payment it made, however it is written: a collector's line,
/// positive, that says so; a bank's debit line. The bank's fee for it stays money out.
struct PaymentReversalTests {
    static func importing(_ rows: [[String]]) -> ImportBatch {
        Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "pagos.csv", sheets: [.init(name: nil, rows: ArrayRowStream.rows(rows))]))
    }

    @Test func aCollectorsBouncedCheque() {
        let batch = Self.importing([
            ["Fecha", "Cliente", "RIF", "Recibo", "Monto", "Forma de pago", "Factura(s)"],
            ["01/04/2024", "Comercial Beta C.A.", "J-29654321-6", "CH-4411", "600,00", "Cheque", "F-201"],
            ["08/04/2024", "Comercial Beta C.A.", "J-29654321-6", "CH-4411", "600,00", "Cheque devuelto", "F-201"],
            ["09/04/2024", "Comercial Beta C.A.", "J-29654321-6", "CH-4412", "-600,00", "Cheque devuelto", "F-201"],
        ])
        #expect(batch.payments.map(\.amount.value.amount) == [600, -600, -600])
        let said = batch.diagnostics.filter { $0.code == "MAP-PAYMENT-REVERSAL" }
        #expect(said.map(\.location?.row) == [3, 4] && said.first?.location?.column == 5)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    @Test func aBanksBouncedChequeAndItsFee() {
        let batch = Self.importing([
            ["Fecha", "Concepto", "Referencia", "Débito", "Crédito", "Saldo"],
            ["03/06/2024", "DEPOSITO CHEQUE J310987653 FAC F-401", "000123", "", "600,00", "10.600,00"],
            ["07/06/2024", "CHEQUE DEVUELTO J310987653 FAC F-401", "000123", "600,00", "", "10.000,00"],
            ["10/06/2024", "COMISION CHEQUE DEVUELTO", "", "15,00", "", "9.985,00"],
            ["11/06/2024", "PAGO PROVEEDOR", "", "100,00", "", "9.885,00"],
        ])
        #expect(batch.payments.map(\.amount.value.amount) == [600, -600])
        #expect(batch.payments.map { $0.reference?.value } == ["000123", "000123"])
        #expect(batch.diagnostics.filter { $0.code == "MAP-MONEY-OUT-LINE" }.map(\.location?.row) == [4, 5])
        #expect(batch.accounting.allSatisfy { $0.balances })
    }
}
