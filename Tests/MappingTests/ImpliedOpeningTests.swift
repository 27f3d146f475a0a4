import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A statement extract that starts without its opening balance line: the first line's running
/// balance carries what the customer owed before it, imported as the opening line would have been.
struct ImpliedOpeningTests {
    static func importing(_ rows: [[String]], flush: Int = 1000) -> ImportBatch {
        var options = ImportOptions(country: "VE", currency: "USD")
        options.flushRows = flush
        return Importer(options: options).importSource(
            MemorySource(path: "estado.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows(rows))]))
    }

    /// What the customer owes by the documents imported: charges less credits.
    static func owed(_ invoices: some Sequence<Invoice>) -> Decimal {
        invoices.reduce(Decimal(0)) { sum, i in sum + (i.type == .creditNote ? -1 : 1) * (i.balance?.value.amount ?? 0) }
    }

    static let march: [[String]] = [
        ["Estado de cuenta - Comercial Oriente C.A."],
        ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
        ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ["05/03/2024", "Pago recibido", "", "400,00", "3.100,00"],
        ["10/03/2024", "Factura F-101", "500,00", "", "3.600,00"],
    ]

    /// Chunks of one, two and three rows: the first line is told the same wherever they cut.
    @Test(arguments: [1, 2, 3, 1000])
    func theFirstLineCarriesTheBalanceFromBefore(flush: Int) throws {
        let batch = Self.importing(Self.march, flush: flush)
        // Added once the next line's balance has confirmed the first one's.
        #expect(batch.invoices.map(\.number.value) == ["F-100", "Saldo anterior 2024-03-01", "Pago recibido 2024-03-05 400.00 fila 4",
                                                       "F-101"])
        let opening = batch.invoices[1]
        #expect(opening.balance?.value.amount == 2500 && opening.type == .invoice)
        #expect(opening.id.rawValue == "estado.xlsx#Hoja1!3/opening" && opening.balance?.provenance?.location.column == 5)
        // Its customer is the line's, as a record of its own.
        let customer = try #require(batch.customers.first { $0.id == opening.customer })
        #expect(customer.name?.value == "Comercial Oriente C.A." && customer.id != batch.invoices[0].customer)
        // The documents now sum to the statement's last balance.
        #expect(Self.owed(batch.invoices) == 3600)
        let said = batch.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-IMPLIED" }
        #expect(said.map(\.location?.row) == [3] && said.first?.severity == .warning)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// With its `Saldo anterior` line, the statement says what it carries: nothing is implied.
    @Test func anOpeningLineImpliesNothing() {
        var rows = Self.march
        rows.insert(["01/03/2024", "Saldo anterior", "", "", "2.500,00"], at: 2)
        let batch = Self.importing(rows)
        #expect(batch.invoices.map(\.number.value).first == "Saldo anterior 2024-03-01")
        #expect(Self.owed(batch.invoices) == 3600)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }

    /// A statement of several customers: each one's first line is looked at, in whatever chunk it falls.
    @Test(arguments: [1, 2, 3, 1000])
    func eachCustomerCarriesItsOwn(flush: Int) {
        let batch = Self.importing([
            ["Fecha", "Concepto", "Serie", "Folio", "Cargos", "Abonos", "Saldo"],
            ["Cliente: REFACCIONARIA LOPEZ SA DE CV"],
            ["03/09/2026", "Factura", "A", "1045", "18560.00", "", "18560.00"],
            ["10/09/2026", "Nota de crédito", "NC", "12", "", "1160.00", "17400.00"],
            ["Total cliente", "", "", "", "18560.00", "1160.00", "17400.00"],
            ["Cliente: ABARROTES DOÑA MARY"],
            ["05/10/2026", "Factura", "A", "1010", "5220.00", "", "6220.00"],
            ["20/11/2026", "Pago", "P", "350", "", "2000.00", "4220.00"],
        ], flush: flush)
        #expect(batch.invoices.map(\.number.value) == ["A-1045", "NC-12", "A-1010", "Saldo anterior 2026-10-05", "P-350"])
        #expect(Self.owed(batch.invoices.prefix(2)) == 17400 && Self.owed(batch.invoices.dropFirst(2)) == 4220)
        #expect(batch.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-IMPLIED" }.map(\.location?.row) == [7])
    }

    /// What would be implied is no debt when the statement does not bear it out: the next line's
    /// balance does not run on from the first one's (a typo, a zero, a dash), the first line has no
    /// balance (the next one is no first line), or the statement has a single line.
    /// A first balance that says something was owed before, not borne out, is said (the statement
    /// may owe it; a dash is a zero); no balance says nothing.
    @Test(arguments: [("3.000,00", "500,00", "1.000,00", true), ("0,00", "1.500,00", "2.000,00", true),
                      ("-", "3.500,00", "4.000,00", true), ("", "3.500,00", "4.000,00", false)])
    func aFirstBalanceTheNextLineDoesNotBearOut(first: String, second: String, third: String, said: Bool) {
        let batch = Self.importing([
            ["Estado de cuenta - Comercial Oriente C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura F-100", "300,00", "", first],
            ["05/03/2024", "Factura F-101", "200,00", "", second],
            ["08/03/2024", "Factura F-102", "500,00", "", third],
            ["12/03/2024", "Factura F-103", "60,00", "", third.replacingOccurrences(of: "00,00", with: "60,00")],
        ])
        // Read as the customer's statement it is, each line a document.
        #expect(batch.invoices.map(\.number.value).prefix(4) == ["F-100", "F-101", "F-102", "F-103"])
        #expect(!batch.invoices.contains { $0.number.value.hasPrefix("Saldo anterior") })
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
        let unconfirmed = batch.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-UNCONFIRMED" }
        #expect(unconfirmed.map { $0.location?.row } == (said ? [3] : []))
    }

    /// A single line, or a customer's block of one line, has no next line to bear its carried
    /// balance out: said, at the end of the table or under the next heading, in whatever chunk.
    @Test(arguments: [1, 2, 1000])
    func aLoneFirstLineIsSaid(flush: Int) {
        let lone = Self.importing([
            ["Estado de cuenta - Comercial Oriente C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ], flush: flush)
        #expect(lone.invoices.map(\.number.value) == ["F-100"])
        #expect(lone.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-UNCONFIRMED" }.map { $0.location?.row } == [3])
        let blocks = Self.importing([
            ["Fecha", "Concepto", "Serie", "Folio", "Cargos", "Abonos", "Saldo"],
            ["Cliente: REFACCIONARIA LOPEZ SA DE CV"], ["03/09/2026", "Factura", "A", "1045", "100.00", "", "600.00"],
            ["Cliente: ABARROTES DOÑA MARY"], ["05/10/2026", "Factura", "A", "1010", "50.00", "", "50.00"],
            ["06/10/2026", "Factura", "A", "1011", "50.00", "", "100.00"],
            ["07/10/2026", "Factura", "A", "1012", "25.00", "", "125.00"],
        ], flush: flush)
        #expect(blocks.diagnostics.filter { $0.code == "MAP-OPENING-BALANCE-UNCONFIRMED" }.map { $0.location?.row } == [3])
    }

    /// A block that starts where an earlier one ended carries nothing new: a statement continued
    /// on another page, the same customer under a heading again, one balance run across customers.
    @Test(arguments: [
        [["Estado de cuenta - Comercial Oriente C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
         ["01/03/2024", "Factura F-100", "1.000,00", "", "1.000,00"], ["05/03/2024", "Factura F-101", "700,00", "", "1.700,00"],
         [], ["Estado de cuenta - Comercial Oriente C.A. (pág. 2)"], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
         ["08/03/2024", "Factura F-102", "500,00", "", "2.200,00"], ["10/03/2024", "Pago recibido", "", "600,00", "1.600,00"]],
        [["Estado de cuenta por cliente"], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
         ["Cliente: Abasto Luna C.A."], ["01/03/2024", "Factura A-1", "1.000,00", "", "1.000,00"],
         ["06/03/2024", "Pago recibido", "", "200,00", "800,00"],
         ["Cliente: Bodega San José"], ["02/03/2024", "Factura B-1", "250,00", "", "250,00"],
         ["03/03/2024", "Factura B-2", "250,00", "", "500,00"],
         ["Cliente: Abasto Luna C.A. (continuación)"], ["10/03/2024", "Factura A-3", "100,00", "", "900,00"],
         ["12/03/2024", "Factura A-4", "100,00", "", "1.000,00"]],
        [["Mayor analítico de clientes - Marzo 2024"], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
         ["Cliente: Abasto Luna C.A."], ["01/03/2024", "Factura A-1", "1.000,00", "", "1.000,00"],
         ["05/03/2024", "Pago recibido", "", "400,00", "600,00"],
         ["Cliente: Bodega San José"], ["02/03/2024", "Factura A-2", "250,00", "", "850,00"],
         ["03/03/2024", "Factura A-3", "250,00", "", "1.100,00"]],
    ] as [[[String]]])
    func aBlockThatContinuesAnEarlierOne(rows: [[String]]) {
        let batch = Self.importing(rows)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }

    /// A statement printed over two pages, each under its title and header again: the second page
    /// is a table of its own, starting where the first ended, and carries nothing new.
    @Test func aSecondPageContinuesTheFirst() {
        let rows: [[String]] = [
            ["Estado de cuenta - Comercial Oriente C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura F-100", "1.000,00", "", "1.000,00"], ["05/03/2024", "Factura F-101", "500,00", "", "1.500,00"],
            ["06/03/2024", "Factura F-101B", "200,00", "", "1.700,00"], [],
            ["Estado de cuenta - Comercial Oriente C.A. (pág. 2)"], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["08/03/2024", "Factura F-102", "500,00", "", "2.200,00"], ["09/03/2024", "Factura F-103", "100,00", "", "2.300,00"],
            ["10/03/2024", "Pago recibido", "", "700,00", "1.600,00"],
        ]
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(MemorySource(csv: rows))
        #expect(batch.accounting.count == 2)
        #expect(Self.owed(batch.invoices) == 1600)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }

    /// A customer column's statement may run one balance across its customers: nothing is implied.
    @Test func aCustomerColumnsStatementImpliesNothing() {
        let batch = Self.importing([
            ["Auxiliar de clientes"],
            ["Fecha", "Cliente", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Abasto Luna C.A.", "Factura 10", "100,00", "", "5.100,00"],
            ["02/03/2024", "Abasto Luna C.A.", "Pago recibido", "", "60,00", "5.040,00"],
            ["03/03/2024", "Bodega Norte C.A.", "Factura 20", "500,00", "", "5.540,00"],
        ])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }

    /// Written newest first, the first line in the table is the last in time: nothing is implied.
    @Test func aStatementNewestFirstImpliesNothing() {
        let batch = Self.importing([
            ["Estado de cuenta - Comercial Oriente C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["10/03/2024", "Factura F-101", "500,00", "", "3.600,00"],
            ["05/03/2024", "Pago recibido", "", "400,00", "3.100,00"],
            ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ])
        #expect(batch.invoices.count == 3)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE-IMPLIED" })
    }
}
