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

    /// A concept that is the document itself, its type glued to its number (`FACT-001`, `NC-9`):
    /// that is its number, not a name made up of the line's values.
    @Test func aConceptThatIsTheDocumentNumbersIt() {
        let batch = Self.importRows([
            ["Estado de cuenta - Comercial Oriente C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "FACT-001", "1000.00", "", "1000.00"],
            ["05/03/2024", "Pago recibido", "", "400.00", "600.00"],
            ["10/03/2024", "FACT-002", "500.00", "", "1100.00"],
            ["15/03/2024", "NC-9", "", "100.00", "1000.00"],
        ])
        #expect(batch.invoices.map { "\($0.number.value) \($0.type)" }
            == ["FACT-001 invoice", "Pago recibido 2024-03-05 400.00 fila 4 creditNote", "FACT-002 invoice", "NC-9 creditNote"])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-CHARGE-NO-NUMBER" })
    }

    /// Every concept a type glued to its number: the statement is still a customer's, each line
    /// numbered by its concept and typed by its letters.
    @Test func aStatementOfGluedNumbersOnly() {
        let batch = Self.importRows([
            ["Estado de cuenta - Importadora Delta C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "FACT-001", "1.000,00", "", "1.000,00"],
            ["02/03/2024", "NC-9", "", "100,00", "900,00"],
            ["04/03/2024", "FC0001-00001234", "50,00", "", "950,00"],
            ["07/03/2024", "ND-12", "5,00", "", "955,00"],
            ["09/03/2024", "Fac.55", "5,00", "", "960,00"],
        ])
        #expect(batch.payments.isEmpty)
        #expect(batch.invoices.map { "\($0.number.value) \($0.type)" }
            == ["FACT-001 invoice", "NC-9 creditNote", "FC0001-00001234 invoice", "ND-12 debitNote", "Fac.55 invoice"])
    }

    /// One or two lines are too few to show the balance running: a statement whose title names the
    /// customer and whose charges name invoices is still a customer's, read line by line (it used to
    /// be a bank's, its charges skipped as money out), unless its lines contradict the balance.
    @Test func aShortStatementIsACustomers() {
        let two = Self.importRows([
            ["Estado de cuenta - Cliente Uno C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura 1", "100,00", "", "100,00"], ["02/03/2024", "Pago", "", "50,00", "50,00"],
        ])
        #expect(two.payments.isEmpty)
        #expect(two.invoices.map { "\($0.number.value) \($0.type)" } == ["1 invoice", "Pago 2024-03-02 50.00 fila 4 creditNote"])
        let one = Self.importRows([
            ["Estado de cuenta - Cliente Uno C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura F-100", "1.000,00", "", "3.500,00"],
        ])
        #expect(one.invoices.map(\.number.value) == ["F-100"])
        let contradicted = Self.importRows([
            ["Estado de cuenta - Cliente Uno C.A."], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura 1", "100,00", "", "100,00"], ["02/03/2024", "Factura 2", "50,00", "", "75,00"],
        ])
        #expect(contradicted.invoices.isEmpty)
    }

    /// Most charges written negative (credit notes in the debit column): still a customer's statement.
    @Test func aStatementOfMostlyNegativeCharges() {
        let batch = Self.importRows([
            ["Estado de cuenta - Papelería Central"], ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura 300", "1.000,00", "", "1.000,00"],
            ["02/03/2024", "Nota de crédito NC-5", "-200,00", "", "800,00"],
            ["03/03/2024", "Nota de crédito NC-6", "-100,00", "", "700,00"],
        ])
        #expect(batch.invoices.map { "\($0.number.value) \($0.type) \($0.balance?.value.plainText ?? "-")" }
            == ["300 invoice 1000.00", "NC-5 creditNote 200.00", "NC-6 creditNote 100.00"])
    }

    /// A credit note entered in the debit column with a minus is a credit note of that amount; a
    /// negative credit is a charge. The documents still sum to the last balance.
    @Test func aNegativeChargeIsACredit() {
        let batch = Self.importRows([
            ["Estado de cuenta - Comercial Oriente C.A."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura F-100", "1000.00", "", "1000.00"],
            ["05/03/2024", "Nota de crédito NC-5", "-200.00", "", "800.00"],
            ["10/03/2024", "Factura F-101", "500.00", "", "1300.00"],
            ["12/03/2024", "Nota de débito ND-2", "", "-30.00", "1330.00"],
        ])
        #expect(batch.invoices.map { "\($0.number.value) \($0.type) \($0.balance?.value.plainText ?? "-")" }
            == ["F-100 invoice 1000.00", "NC-5 creditNote 200.00", "F-101 invoice 500.00", "ND-2 debitNote 30.00"])
        #expect(batch.invoices[1].amount?.provenance?.rawText == "-200.00")
    }

    /// The concept names invoices, but the lines are no statement's (the balance does not run with
    /// them): the table is read as before, a bank's, and no row is lost.
    @Test func linesThatAreNoStatementsStayPayments() {
        let bank: [[String]] = [
            ["Estado de cuenta"],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura CANTV 889900", "120.00", "", "9880.00"],
            ["02/03/2024", "Depósito", "", "2000.00", "11880.00"],
            ["03/03/2024", "Factura Corpoelec 123456", "300.00", "", "11580.00"],
        ]
        let batch = Self.importRows(bank)
        #expect(batch.invoices.isEmpty)
        #expect(batch.payments.count == 1)
        #expect(batch.rejects.isEmpty)
    }

    /// A bare `Estado de cuenta` names nobody: a statement of invoices needs whose it is.
    @Test func aTitleThatNamesNobodyIsNoCustomersStatement() {
        let rows: [[String]] = [
            ["Estado de cuenta"], [],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/02/2024", "Factura F-1", "100.00", "", "100.00"],
            ["05/02/2024", "Factura F-2", "50.00", "", "150.00"],
            ["10/02/2024", "Pago", "", "30.00", "120.00"],
        ]
        #expect(Self.importRows(rows).invoices.isEmpty)
    }

    /// `Estado de cuenta` over a `Cliente:` line, an opening balance, Latin amounts.
    @Test func aCustomerNamedAboveTheHeader() {
        let rows: [[String]] = [
            ["Estado de cuenta"], ["Cliente: Suministros Andinos S.A.S."],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["", "Saldo anterior", "", "", "12.345,67"],
            ["02/02/2024", "Factura FE-2001", "1.234,56", "", "13.580,23"],
            ["09/02/2024", "Factura FE-2002", "10.000,00", "", "23.580,23"],
            ["15/02/2024", "Pago PSE", "", "12.345,67", "11.234,56"],
        ]
        let batch = Self.importRows(rows)
        #expect(batch.payments.isEmpty)
        #expect(batch.invoices.map(\.number.value).contains("FE-2002"))
        #expect(Set(batch.customers.compactMap { $0.name?.value }) == ["Suministros Andinos S.A.S."])
        // What the customer owes is the statement's last balance.
        let owed = batch.invoices.reduce(Decimal(0)) { sum, i in
            let v = i.balance?.value.amount ?? 0
            return i.type == .creditNote ? sum - abs(v) : sum + v
        }
        #expect(owed == Decimal(string: "11234.56"))
    }

    /// Under `Cliente:` headings, with a `Detalle` column (which the notes would take otherwise).
    @Test func customersUnderHeadingsWithADetailColumn() {
        let rows: [[String]] = [
            ["Cuenta corriente de clientes"], [],
            ["Fecha", "Detalle", "Debe", "Haber", "Saldo"],
            ["Cliente: Ferretería Ñandú"],
            ["01/02/2024", "Factura FE-2001", "1000.00", "", "1000.00"],
            ["10/02/2024", "Nota de crédito NC-9", "", "100.00", "900.00"],
            ["Cliente: Abasto Luna"],
            ["03/02/2024", "Factura FE-2002", "250.00", "", "250.00"],
            ["12/02/2024", "Recibo de caja", "", "250.00", "0.00"],
        ]
        let batch = Self.importRows(rows)
        let invoices = batch.invoices.map { "\($0.number.value) \($0.type)" }
        #expect(invoices.prefix(2) == ["FE-2001 invoice", "NC-9 creditNote"])
        #expect(invoices[2] == "FE-2002 invoice")
        #expect(Set(batch.customers.compactMap { $0.name?.value }) == ["Ferretería Ñandú", "Abasto Luna"])
        #expect(batch.rejects.isEmpty)
    }

    /// Without a running balance, `Debe | Haber` still make the header (they name no field alone).
    @Test func aLedgerWithoutBalanceIsFoundAndRead() {
        let rows: [[String]] = [
            ["Cuenta corriente - Distribuidora Lara S.A."],
            ["Fecha", "Concepto", "Debe", "Haber"],
            ["02/01/2024", "Factura 4501", "850,00", ""],
            ["09/01/2024", "Factura 4502", "1.200,00", ""],
            ["20/01/2024", "Abono transferencia", "", "850,00"],
            ["28/01/2024", "Factura 4530", "430,25", ""],
        ]
        let batch = Self.importRows(rows)
        #expect(batch.invoices.map(\.number.value).prefix(2) == ["4501", "4502"])
        #expect(batch.invoices.count == 4)
        #expect(Set(batch.customers.compactMap { $0.name?.value }) == ["Distribuidora Lara S.A."])
        #expect(batch.rejects.isEmpty)
    }

    /// A bank's lines under `Fecha | Descripción | Débito | Crédito` are its payments.
    @Test func aBanksLinesWithoutBalanceArePayments() {
        let rows: [[String]] = [
            ["Movimientos"],
            ["Fecha", "Descripción", "Débito", "Crédito"],
            ["02/01/2024", "Transferencia recibida Abasto Luna", "", "850,00"],
            ["09/01/2024", "Comisión", "12,00", ""],
            ["20/01/2024", "Depósito Bodega Sol", "", "300,00"],
        ]
        let batch = Self.importRows(rows)
        #expect(batch.invoices.isEmpty)
        #expect(batch.payments.count == 2)
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
        ("Factura marzo 2024", nil), ("Factura del 05/03/2024", nil), ("Factura", nil), ("F-100", "F-100"),
        ("FACT-001", "FACT-001"), ("Factura#461", "Factura#461"), ("NC-9.", "NC-9"), ("FAC2024-03", nil), ("IVA2024", nil),
        ("Fact.", nil), ("2024-FAC", nil), ("Fact-Mar24", nil), ("F-03/24", nil), ("FC0001-00001234", "FC0001-00001234"),
        ("Factura 15-03-2024", nil), ("Factura 2024-03-15", nil), ("Factura 15.03.24", nil), ("Factura 15-mar-2024", nil),
        ("Retención IVA 2024-03", nil), ("Retención IVA 03/2024", nil), ("Factura 2do trimestre", nil),
        ("Factura 123, 124", "123"), ("Nota de crédito NC-9", "NC-9"), ("Factura 0001-00012345", "0001-00012345"),
        ("Factura (F-77)", "F-77"),
    ] as [(String, String?)])
    func numberAfterTheTypeWord(_ written: String, _ number: String?) {
        #expect(TableImporter.numberInType(written) == number)
    }
}
