import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A customer's statement whose documents are named only in a concept column (`Fecha | Concepto |
/// Debe | Haber | Saldo`): its charges are invoices, numbered as the concept writes them, and its
/// credits credit notes, for the customer its title names. A bank's statement of the same shape
/// stays a bank's.
@Suite struct ConceptStatementTests {
    static func importRows(_ rows: [[String]]) -> ImportBatch {
        Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: rows))
    }

    static let statement: [[String]] = [
        ["Estado de cuenta - Comercial Oriente C.A."], [],
        ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
        ["01/02/2024", "Factura F-100", "1000.00", "", "1000.00"],
        ["10/02/2024", "Pago recibido", "", "400.00", "600.00"],
        ["15/02/2024", "Factura F-101", "500.00", "", "1100.00"],
        ["20/02/2024", "Cargo por flete", "150.00", "", "1250.00"],
        ["28/02/2024", "Factura marzo 2024", "80.00", "", "1330.00"],
    ]

    @Test func chargesAreInvoicesNumberedByTheirConcept() throws {
        let batch = Self.importRows(Self.statement)
        #expect(batch.payments.isEmpty)
        let invoices = batch.invoices.map { "\($0.number.value) \($0.type) \($0.amount?.value.plainText ?? "-")" }
        #expect(invoices == ["F-100 invoice 1000.00", "Pago recibido 2024-02-10 400.00 fila 5 creditNote 400.00",
                             "F-101 invoice 500.00", "Cargo por flete 2024-02-20 150.00 fila 7 invoice 150.00",
                             "Factura marzo 2024 2024-02-28 80.00 fila 8 invoice 80.00"])
        #expect(Set(batch.customers.compactMap { $0.name?.value }) == ["Comercial Oriente C.A."])
        #expect(batch.diagnostics.filter { $0.code == "MAP-CHARGE-NO-NUMBER" }.count == 2)
        #expect(batch.rejects.isEmpty)
    }

    @Test func aBanksStatementOfTheSameShapeStaysPayments() {
        let bank: [[String]] = [
            ["Estado de cuenta"], [],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/02/2024", "Comisión mantenimiento", "15.00", "", "985.00"],
            ["10/02/2024", "Transferencia recibida Abasto Luna", "", "400.00", "1385.00"],
            ["15/02/2024", "Pago a proveedor", "500.00", "", "885.00"],
        ]
        let batch = Self.importRows(bank)
        #expect(batch.invoices.isEmpty)
    }

    @Test(arguments: [
        ("Factura F-100", "F-100"), ("Fact. # 00123", "00123"), ("FACTURA Nº 4512", "4512"), ("Nota de débito ND-7", "ND-7"),
        ("Factura marzo 2024", nil), ("Factura del 05/03/2024", nil), ("Factura", nil), ("F-100", nil),
    ] as [(String, String?)])
    func numberAfterTheTypeWord(_ written: String, _ number: String?) {
        #expect(TableImporter.numberInType(written) == number)
    }
}
