import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A customer's account statement (`Estado de cuenta`): charges and credits with the account's
/// running balance, the customer named above the table. Each line is a document of its own
/// amount; the running balance is no document's, so the customer owes the last balance.
struct AccountStatementTests {
    static let statement: [[String]] = [
        ["ESTADO DE CUENTA"],
        ["Cliente: FERRETERIA EL TORNILLO", " C.A."],
        ["RIF: J-29876543-7"],
        [],
        ["Fecha", "Tipo", "Número", "Concepto", "Debe", "Haber", "Saldo"],
        ["01/09/2026", "SI", "", "Saldo inicial", "", "", "1,500.00"],
        ["05/09/2026", "FAC", "00012345", "Venta", "2,350.00", "", "3,850.00"],
        ["12/09/2026", "REC", "R-0456", "Abono factura 00011002", "", "1,500.00", "2,350.00"],
        ["20/09/2026", "NC", "NC-00078", "Devolución", "", "350.00", "2,000.00"],
        ["03/10/2026", "FAC", "00012400", "Venta", "10,000.00", "", "12,000.00"],
        ["15/10/2026", "ND", "ND-00003", "Intereses de mora", "45.50", "", "12,045.50"],
        ["30/11/2026", "", "", "Saldo final", "", "", "12,045.50"],
    ]

    static func importing(_ texts: [[String]]) -> ImportBatch {
        Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "estado.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows(texts))]))
    }

    /// Its title says whose statement it is when no column or heading among the rows does; a
    /// `Pagos` column is its credits.
    @Test(arguments: ["Haber", "Pagos"]) func theTitleNamesAStatement(_ credit: String) throws {
        let batch = Self.importing([
            ["Estado de cuenta"], ["Cliente: Comercial Los Andes C.A."], [],
            ["Fecha", "Documento", "Concepto", "Debe", credit, "Saldo"],
            ["01/03/2024", "2002", "Factura", "1.000,00", "", "1.000,00"],
            ["15/03/2024", "2003", "Factura", "500,00", "", "1.500,00"],
            ["20/03/2024", "R-55", "Recibo de cobro", "", "400,00", "1.100,00"],
        ])
        #expect(batch.payments.isEmpty)
        #expect(batch.invoices.map { $0.balance?.value.amount } == [1000, 500, 400])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .creditNote])
    }

    /// One balance mistyped (`1.005,00` for `1.050,00`), or one wrong sum carried forward, leaves
    /// the statement a statement: its lines are still documents of their own amounts, not the
    /// running balance read as what each still owes.
    @Test(arguments: [["1.005,00", "1.150,00"], ["1.005,00", "1.105,00"]])
    func oneWrongBalanceLeavesAStatement(_ balances: [String]) throws {
        let batch = Self.importing([
            ["Estado de cuenta"], ["Cliente: Ferretería El Tornillo C.A."], ["RIF: J-30123456-1"], [],
            ["Fecha", "Documento", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "F-001", "Factura", "1.000,00", "", "1.000,00"],
            ["05/03/2024", "F-002", "Factura", "500,00", "", "1.500,00"],
            ["10/03/2024", "R-100", "Pago", "", "700,00", "800,00"],
            ["15/03/2024", "F-003", "Factura", "250,00", "", balances[0]],
            ["20/03/2024", "F-004", "Factura", "100,00", "", balances[1]],
        ])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [1000, 500, 700, 250, 100])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .creditNote, .invoice, .invoice])
    }

    /// Documents named only in the concept, under a title that names the customer, and one balance
    /// mistyped (`550,00` for `500,00`): still the customer's statement, not a bank's (whose
    /// charges would be skipped as money out, three invoices lost).
    @Test func aTypoDoesNotMakeAStatementABanks() throws {
        let batch = Self.importing([
            ["Estado de cuenta - Librería Bolívar"],
            ["Fecha", "Concepto", "Debe", "Haber", "Saldo"],
            ["01/03/2024", "Factura 501", "300,00", "", "300,00"],
            ["04/03/2024", "Factura 502", "200,00", "", "550,00"],
            ["08/03/2024", "Pago", "", "100,00", "400,00"],
            ["12/03/2024", "Factura 503", "50,00", "", "450,00"],
        ])
        #expect(batch.payments.isEmpty)
        #expect(batch.invoices.map { $0.balance?.value.amount } == [300, 200, 100, 50])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .creditNote, .invoice])
    }

    @Test func eachLineIsADocumentOfItsOwnAmount() throws {
        let batch = Self.importing(Self.statement)
        #expect(batch.invoices.map(\.number.value) == ["Saldo inicial 2026-09-01", "00012345", "R-0456", "NC-00078",
                                                       "00012400", "ND-00003"])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .creditNote, .creditNote, .invoice, .debitNote])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [1500, 2350, 1500, 350, 10000, 45.5])
        #expect(batch.invoices[1].extra["running_balance"] == "3,850.00")
        // Charges minus credits: the last running balance.
        let owed = batch.invoices.reduce(Decimal(0)) { sum, i in
            sum + (i.type == .creditNote ? -1 : 1) * (i.balance?.value.amount ?? 0)
        }
        #expect(owed == Decimal(string: "12045.5"))
        #expect(batch.diagnostics.contains { $0.code == "MAP-OPENING-BALANCE" })
        #expect(batch.diagnostics.contains { $0.code == "MAP-BALANCE-LINE" && $0.location?.row == 12 })
        // The customer the title names, its name whole again, with its tax ID from the next line.
        #expect(Set(batch.customers.map { $0.name?.value }) == ["FERRETERIA EL TORNILLO, C.A."])
        #expect(Set(batch.customers.map { $0.taxID?.value.normalized }) == ["J298765437"])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-INVOICE-NO-CUSTOMER" })
    }

    /// Several customers, each headed and totalled, each balance starting again.
    @Test func severalCustomersEachRunTheirOwnBalance() {
        let batch = Self.importing([
            ["Fecha", "Concepto", "Serie", "Folio", "Cargos", "Abonos", "Saldo"],
            ["Cliente: REFACCIONARIA LOPEZ SA DE CV"],
            ["03/09/2026", "Factura", "A", "1045", "18560.00", "", "18560.00"],
            ["10/09/2026", "Nota de crédito", "NC", "12", "", "1160.00", "17400.00"],
            ["01/10/2026", "Pago", "P", "301", "", "10000.00", "7400.00"],
            ["05/10/2026", "Factura", "A", "1090", "5800.00", "", "13200.00"],
            ["Total cliente", "", "", "", "24360.00", "11160.00", "13200.00"],
            ["Cliente: ABARROTES DOÑA MARY"],
            ["05/10/2026", "Factura", "A", "1010", "5220.00", "", "5220.00"],
            ["20/11/2026", "Pago", "P", "350", "", "2000.00", "3220.00"],
        ])
        #expect(batch.invoices.map(\.number.value) == ["A-1045", "NC-12", "P-301", "A-1090", "A-1010", "P-350"])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [18560, 1160, 10000, 5800, 5220, 2000])
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .creditNote, .invoice, .invoice, .creditNote])
    }

    /// `Cargos | Abonos | Saldo` where each saldo is its own document's (charge minus credit) is an
    /// invoice list, not a statement: the balance does not run.
    @Test func aPerDocumentBalanceIsNoStatement() {
        let m = AutomaticMapping.of(["Factura", "Cliente", "Cargos", "Abonos", "Saldo"],
                                    text: [["F1", "Alfa", "100.00", "40.00", "60.00"],
                                           ["F2", "Beta", "250.00", "", "250.00"],
                                           ["F3", "Gama", "80.00", "80.00", "0.00"],
                                           ["F4", "Alfa", "70.00", "10.00", "60.00"]])
        #expect(m[.credit] == nil && m[.balance]?.columns == [5])
    }
}

/// An aging report whose only money columns are its buckets: each document's balance is the sum
/// of its buckets.
struct AgingBucketTests {
    @Test(arguments: ["1-30", "31 - 60", "61-90 días", "De 31 a 60 días", "+90", "> 90", "Más de 90", "Más de 120 días",
                      "91 o más", "120+", "Por vencer", "Corriente", "No vencido", "Current", "1 - 30 días vencidos",
                      // QuickBooks, Xero and Portuguese reports.
                      "91 and over", "Older", "< 1 Month", "1 Month", "2 Months", "1 a 30 dias", "Acima de 90 dias",
                      "Mais de 90 dias", "61 - 90 days past due",
                      // A lone number of days past due.
                      "Vencido 30", "Vencido +90", "Vencidos 120", "Atraso 60"])
    func bucketHeaders(_ header: String) {
        #expect(AgingBuckets.isBucketHeader(header))
    }

    @Test(arguments: ["Días", "Saldo", "Monto", "30", "Vencimiento", "Días vencidos", "Cliente 2024", "Teléfono", "Mes",
                      "Meses", "Month", "Antiguo"])
    func otherHeaders(_ header: String) {
        #expect(!AgingBuckets.isBucketHeader(header))
    }

    /// A customer and its buckets is a whole header (no total, no tax ID), and `Vencido 30` is a
    /// bucket: each document's balance is its buckets' sum.
    @Test func aCustomerAndItsBucketsAreAHeader() {
        let rows = ArrayRowStream.rows([["Cliente", "Factura", "Por vencer", "Vencido 30", "Vencido 60", "Más de 120"],
                                        ["Alfa SAS", "F-001", "500,00", "", "", ""],
                                        ["Alfa SAS", "F-005", "", "10,00", "20,00", ""],
                                        ["Beta SA", "F-002", "", "", "", "70,00"]])
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(
            MemorySource(path: "aging.csv", sheets: [.init(name: "", rows: rows)]))
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map { $0.balance?.value.amount } == [500, 30, 70])
        let customersOnly = ArrayRowStream.rows([["Cliente", "Corriente", "1-30", "31-60", "+90"],
                                                 ["Alfa SAS", "500", "0", "0", "0"], ["Beta Ltda", "0", "120", "80", "0"]])
        let found = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(
            MemorySource(path: "aging2.csv", sheets: [.init(name: "", rows: customersOnly)]))
        #expect(!found.diagnostics.contains { $0.code == "MAP-NO-HEADER" } && found.rejects.isEmpty)
    }

    @Test func bucketsMakeTheBalance() {
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "antiguedad.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows([
                ["Cliente", "Documento", "Vencimiento", "Días", "Por vencer", "1-30", "31-60", "Más de 90"],
                ["ABASTO LUNA C.A.", "00001234", "31/08/2026", "91", "", "", "", "1.250,50"],
                ["ABASTO LUNA C.A.", "00001300", "14/11/2026", "16", "", "3.400,00", "", ""],
                ["FERRETERIA EL TORNILLO C.A.", "00001310", "20/12/2026", "-20", "15.000,00", "", "", ""],
            ]))]))
        #expect(batch.invoices.map { $0.balance?.value.amount } == [Decimal(string: "1250.5"), 3400, 15000])
        #expect(batch.invoices.first?.balance?.provenance?.location.column == 8)
        #expect(batch.rejects.isEmpty)
    }

    /// Beside a balance column, the buckets stay extras: the balance is the report's own.
    @Test func aBalanceColumnKeepsTheBucketsAsExtras() {
        let m = AutomaticMapping.of(["Documento", "Cliente", "Saldo", "1-30", "31-60"],
                                    text: [["F1", "Alfa", "100", "100", ""]])
        #expect(m[.agingBucket] == nil && m.extraHeaders == ["1-30", "31-60"])
    }
}

/// QA's second pass on statements: short ones, numberless credits, the seller's letterhead, and
/// a paid invoice list that only looks like one.
struct StatementEdgeTests {
    static func importing(_ texts: [[String]]) -> ImportBatch { AccountStatementTests.importing(texts) }

    static func owed(_ batch: ImportBatch) -> Decimal {
        batch.invoices.reduce(Decimal(0)) { $0 + ($1.type == .creditNote ? -1 : 1) * abs($1.balance?.value.amount ?? 0) }
    }

    @Test func aShortStatementWithItsOpeningBalance() {
        let batch = Self.importing([["Cliente: Comercial Gamma S.A.S."],
                                    ["Fecha", "Tipo", "Número", "Concepto", "Debe", "Haber", "Saldo"],
                                    ["01/10/2026", "", "", "Saldo inicial", "", "", "1.000,00"],
                                    ["03/10/2026", "FACT", "300", "Venta", "750,00", "", "1.750,00"],
                                    ["05/10/2026", "REC", "77", "Pago", "", "400,00", "1.350,00"]])
        #expect(Self.owed(batch) == 1350)
    }

    @Test func numberlessCreditsAreCreditsAndTheLetterheadIsNoCustomer() {
        let batch = Self.importing([["DISTRIBUIDORA XYZ C.A."], ["RIF: J-29876543-7"],
                                    ["Cliente: Comercial Beta C.A."],
                                    ["Fecha", "Tipo", "Número", "Concepto", "Debe", "Haber", "Saldo"],
                                    ["01/10/2026", "", "", "Saldo anterior", "", "", "1.250,00"],
                                    ["03/10/2026", "FACT", "200", "Venta", "750,00", "", "2.000,00"],
                                    ["04/10/2026", "Pago", "", "Transferencia", "", "500,00", "1.500,00"],
                                    ["05/10/2026", "ANTICIPO", "", "Anticipo", "", "200,00", "1.300,00"]])
        #expect(Self.owed(batch) == 1300)
        #expect(batch.rejects.isEmpty)
        #expect(Set(batch.customers.map { $0.name?.value }) == ["Comercial Beta C.A."])
        #expect(batch.customers.allSatisfy { $0.taxID == nil })
    }

    /// A bank's statement says neither whose it is nor what its documents are: its charges are
    /// not read as a customer's.
    @Test func aBankStatementIsNoCustomerStatement() {
        let m = AutomaticMapping.of(["Fecha", "Folio", "Descripción", "Cargos", "Abonos", "Saldo"],
                                    text: [["01/10/2026", "1001", "Depósito", "", "10.000,00", "10.000,00"],
                                           ["02/10/2026", "1002", "Comisión", "50,00", "", "9.950,00"],
                                           ["03/10/2026", "1003", "Transferencia", "", "5.000,00", "14.950,00"],
                                           ["04/10/2026", "1004", "Pago proveedor", "3.000,00", "", "11.950,00"]], country: "MX")
        #expect(m[.credit] == nil)
        // It is the bank's: its credits are payments, its number each line's reference.
        #expect(m.kind == .payments && m[.paymentReference]?.columns == [2] && m[.paymentAmount]?.columns == [5])
    }

    /// A charge with its credit on the same line (an invoice paid at once) is paid, not owed.
    @Test func aChargePaidOnItsOwnLine() {
        let batch = Self.importing([["Cliente: Comercial Gamma S.A.S."],
                                    ["Fecha", "Tipo", "Número", "Concepto", "Debe", "Haber", "Saldo"],
                                    ["01/10/2026", "FACT", "300", "Venta", "750,00", "", "750,00"],
                                    ["03/10/2026", "FACT", "301", "Venta contado", "20,00", "20,00", "750,00"],
                                    ["05/10/2026", "REC", "77", "Pago", "", "400,00", "350,00"],
                                    ["07/10/2026", "FACT", "302", "Venta", "100,00", "", "450,00"]])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [750, 0, 400, 100])
        #expect(Self.owed(batch) == 450)
    }

    @Test func aPaidInvoiceListIsNoStatement() {
        let batch = Self.importing([["Cliente", "Factura", "Fecha", "Cargos", "Abonos", "Saldo"],
                                    ["Alfa SAS", "F-1", "01/10/2026", "100,00", "100,00", "0,00"],
                                    ["Alfa SAS", "F-2", "02/10/2026", "200,00", "200,00", "0,00"],
                                    ["Alfa SAS", "F-3", "03/10/2026", "300,00", "0,00", "300,00"]])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [0, 0, 300])
    }
}

/// A customer's ledger without a running balance (`Debe | Haber`, no `Saldo`): each line a charge
/// or a credit, as in a statement. Before, no amount column was found and its debts were not imported.
struct LedgerWithoutBalanceTests {
    static func importing(_ texts: [[String]]) -> ImportBatch { AccountStatementTests.importing(texts) }

    @Test(arguments: [("Debe", "Haber"), ("Cargos", "Abonos"), ("Débito", "Pagos")])
    func aLedgerIsAStatement(_ debit: String, _ credit: String) {
        let batch = Self.importing([["Fecha", "Cliente", "RIF", "Documento", "Concepto", debit, credit],
                                    ["05/01/2024", "Ferretería El Tornillo C.A.", "J-29876543-7", "FAC-0101", "Factura", "1.500,00", ""],
                                    ["20/01/2024", "Ferretería El Tornillo C.A.", "J-29876543-7", "REC-0033", "Pago", "", "1.000,00"],
                                    ["03/02/2024", "Ferretería El Tornillo C.A.", "J-29876543-7", "FAC-0140", "Factura", "800,00", ""],
                                    ["10/02/2024", "Inversiones Díaz S.A.", "J-31234567-0", "FAC-0150", "Factura", "2.000,00", ""]])
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map(\.number.value) == ["FAC-0101", "REC-0033", "FAC-0140", "FAC-0150"])
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .invoice, .invoice])
        #expect(StatementEdgeTests.owed(batch) == 3300)
        #expect(!batch.diagnostics.contains { $0.code == "MAP-DOCUMENTS-WITHOUT-AMOUNTS" })
    }

    /// An invoice list's charges and the part paid on each (no line of a credit alone) stay an
    /// invoice list's total and paid amounts.
    @Test func anInvoiceListWithPaymentsIsNoLedger() {
        let batch = Self.importing([["Cliente", "Factura", "Fecha", "Cargos", "Abonos"],
                                    ["Alfa SAS", "F-1", "01/10/2026", "100,00", "40,00"],
                                    ["Alfa SAS", "F-2", "02/10/2026", "200,00", ""],
                                    ["Alfa SAS", "F-3", "03/10/2026", "300,00", ""]])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .invoice])
        #expect(batch.invoices.map { $0.paid?.value.amount } == [40, nil, nil])
    }

    /// A bank's movements (no customer, no document type) are no customer's ledger.
    @Test func aBanksMovementsAreNoLedger() {
        let m = AutomaticMapping.of(["Fecha", "Referencia", "Descripción", "Débito", "Crédito"],
                                    text: [["01/10/2026", "1001", "Depósito", "", "10.000,00"],
                                           ["02/10/2026", "1002", "Comisión", "50,00", ""],
                                           ["03/10/2026", "1003", "Transferencia", "", "5.000,00"]], country: "VE")
        #expect(m[.credit] == nil)
    }
}

extension LedgerWithoutBalanceTests {
    /// A `Cliente: …` heading above the table says whose the ledger is; a sale paid at once has both
    /// sides on its line.
    @Test func aLedgerUnderACustomerHeading() {
        let batch = Self.importing([["Cliente: Panadería La Espiga C.A."],
                                    ["Fecha", "Documento", "Concepto", "Debe", "Haber"],
                                    ["02/03/2024", "F-201", "Venta pan", "450,00", ""],
                                    ["09/03/2024", "F-202", "Venta contado", "1.200,00", "1.200,00"],
                                    ["15/03/2024", "R-88", "Transferencia", "", "100,00"],
                                    ["20/03/2024", "F-203", "Venta contado", "300,00", "300,00"]])
        #expect(batch.rejects.isEmpty)
        #expect(StatementEdgeTests.owed(batch) == 350)
        #expect(Set(batch.customers.map { $0.name?.value }) == ["Panadería La Espiga C.A."])
    }

    /// A bank's statement of its own account, whatever its title says, is no customer's ledger.
    @Test func aBanksTitledStatementIsNoLedger() {
        let m = AutomaticMapping.of(["Fecha", "Referencia", "Documento", "Descripción", "Débito", "Crédito"],
                                    text: [["01/03/2024", "000123", "DEP-1", "Depósito", "", "1500.00"],
                                           ["05/03/2024", "000125", "CHQ-44", "Cheque pagado", "3000.00", ""],
                                           ["07/03/2024", "000126", "ND-9", "Comisión", "25.00", ""]],
                                    title: "ESTADO DE CUENTA BANCARIO")
        #expect(m[.credit] == nil && m[.amount] == nil)
    }

    /// An invoice list's `Débito | Crédito`: the charge and what was paid on it.
    @Test func anInvoiceListsDebitAndCredit() {
        let batch = Self.importing([["Cliente", "Factura", "Fecha", "Débito", "Crédito"],
                                    ["Panadería La Espiga C.A.", "F-201", "02/03/2024", "450,00", "450,00"],
                                    ["Panadería La Espiga C.A.", "F-202", "09/03/2024", "1.200,00", ""],
                                    ["Comercial Oriente C.A.", "F-300", "10/03/2024", "2.000,00", "1.250,00"]])
        #expect(batch.invoices.map { $0.paid?.value.amount } == [450, nil, 1250])
        #expect(batch.invoices.allSatisfy { $0.type == .invoice })
    }

    /// A bank's `Cargos` beside a `Documento` column are no documents' amounts: nothing says whose
    /// its lines are.
    @Test func aBanksChargesAreNoDocumentAmounts() {
        let m = AutomaticMapping.of(["Fecha", "Documento", "Descripción", "Cargos", "Abonos", "Saldo"],
                                    text: [["01/10/2026", "1001", "Depósito", "", "10.000,00", "10.000,00"],
                                           ["02/10/2026", "1002", "Comisión", "50,00", "", "9.950,00"]], country: "VE")
        #expect(m[.amount] == nil)
    }
}

extension LedgerWithoutBalanceTests {
    /// A statement's title may name its customer after a dash or a colon; a period there is no customer.
    @Test(arguments: [("Estado de cuenta - Comercial Oriente C.A.", "Comercial Oriente C.A."),
                      ("Cuenta corriente: Ferretería Sur", "Ferretería Sur"),
                      ("Estado de cuenta - al 31/03/2024", nil), ("Estado de cuenta - Marzo 2024", nil),
                      ("Estado de cuenta bancario - Banco Uno", nil), ("Ventas - Comercial Oriente", nil)])
    func aStatementTitleNamesItsCustomer(_ title: String, _ customer: String?) {
        #expect(CustomerSections.statementTitleCustomer(title) == customer)
    }

    @Test func aLedgerTitledWithItsCustomer() {
        let batch = Self.importing([["Estado de cuenta - Comercial Oriente C.A."],
                                    ["Desde 01/01/2024 hasta 31/03/2024"],
                                    ["Fecha", "Documento", "Concepto", "Débito", "Crédito"],
                                    ["10/01/2024", "FAC-3001", "Venta", "2.000,00", ""],
                                    ["25/01/2024", "REC-101", "Pago", "", "1.250,00"],
                                    ["14/02/2024", "FAC-3002", "Venta", "3.400,50", ""],
                                    ["01/03/2024", "NC-05", "Nota de crédito", "", "400,50"]])
        #expect(batch.rejects.isEmpty)
        #expect(StatementEdgeTests.owed(batch) == 3750)
        #expect(Set(batch.customers.map { $0.name?.value }) == ["Comercial Oriente C.A."])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-INVOICE-NO-CUSTOMER" })
    }
}
