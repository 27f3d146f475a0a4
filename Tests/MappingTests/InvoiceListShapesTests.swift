import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Invoice lists whose columns look like another table's at first sight: a customer's order
/// reference (payments have references), a document-type column headed like a number, aging
/// buckets named the way QuickBooks, Xero and Portuguese reports name them.
struct InvoiceListShapesTests {
    static func importing(_ rows: [[String]], country: String? = nil, currency: Currency = "USD") -> ImportBatch {
        Importer(options: ImportOptions(country: country, currency: currency)).importSource(
            MemorySource(path: "lista.csv", sheets: [.init(name: nil, rows: ArrayRowStream.rows(rows))]))
    }

    /// `Invoice Number | Due Date | Reference | Amount`: invoices, their reference kept as an
    /// extra attribute (before, the table was read as payments received).
    @Test(arguments: [["Customer", "Invoice Number", "Invoice Date", "Due Date", "Reference", "Amount"],
                      ["Cliente", "Factura", "Fecha", "Vencimiento", "Referencia", "Monto"]])
    func aReferenceBesideADueDateIsTheCustomersOrder(_ header: [String]) {
        let batch = Self.importing([
            header,
            ["Acme Inc.", "INV-1001", "03/15/2024", "04/14/2024", "PO 12", "1200.00"],
            ["Beta LLC", "INV-1002", "03/16/2024", "04/15/2024", "PO 13", "300.50"],
        ])
        #expect(batch.payments.isEmpty)
        #expect(batch.invoices.map(\.number.value) == ["INV-1001", "INV-1002"])
        #expect(batch.invoices.map { $0.amount?.value.amount } == [1200, 300.5])
        #expect(batch.invoices.map { $0.extra[header[4]] } == ["PO 12", "PO 13"])
    }

    /// A column of document types under a header that names none (`Concepto` in CONTPAQi and Aspel)
    /// or one of an ERP's own (`T.Comp.` in Tango, `Tp` in Protheus): the values make it the type,
    /// so credit notes and receipts are credits, not debt (QA session 22). A payment-terms column
    /// (`Crédito | Contado`) is no type column.
    @Test(arguments: ["Concepto", "T.Comp.", "Tp", "Clase de documento"])
    func typeWordsUnderAnyHeaderAreTheType(_ typeHeader: String) {
        let batch = Self.importing([
            ["Cliente", typeHeader, "Número", "Fecha", "Vencimiento", "Importe", "Condición"],
            ["Alfa SA", "FAC", "A-0001", "01/03/2024", "31/03/2024", "1000,00", "Crédito"],
            ["Alfa SA", "N/C", "A-0002", "05/03/2024", "05/03/2024", "100,00", "Contado"],
            ["Alfa SA", "REC", "X-0009", "06/03/2024", "06/03/2024", "300,00", "Crédito"],
            ["Beta SA", "FAC", "A-0003", "07/03/2024", "06/04/2024", "500,00", "Crédito"],
        ], country: "AR", currency: "ARS")
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .creditNote, .invoice])
        #expect(batch.invoices.first?.extra["Condición"] == "Crédito")
    }

    /// A few notes that start like types (`Abono parcial`, `Factura en revisión`) are notes, not
    /// the document type; a `Serie` of `F` and `NC` is the number's series (QA session 22: both
    /// were taken as the type, and invoices turned into credit notes).
    @Test func notesAndSeriesAreNoTypeColumn() {
        let batch = Self.importing([
            ["Cliente", "Factura", "Fecha", "Monto", "Seguimiento"],
            ["Alfa SA", "F-1", "01/03/2024", "1000,00", "Abono parcial"],
            ["Alfa SA", "F-2", "02/03/2024", "1200,00", ""],
            ["Beta SA", "F-3", "03/03/2024", "900,00", "Pago parcial"],
            ["Beta SA", "F-4", "04/03/2024", "500,00", "Factura en revisión"],
        ], country: "AR", currency: "ARS")
        #expect(batch.invoices.allSatisfy { $0.type == .invoice })
        #expect(batch.invoices.first?.extra["Seguimiento"] == "Abono parcial")
        let series = Self.importing([
            ["Cliente", "Serie", "Folio", "Fecha", "Importe"],
            ["Alfa SA", "F", "5019", "01/03/2024", "1000,00"],
            ["Alfa SA", "NC", "101", "02/03/2024", "100,00"],
            ["Beta SA", "F", "5020", "03/03/2024", "900,00"],
            ["Beta SA", "F", "5021", "04/03/2024", "500,00"],
        ], country: "MX", currency: "MXN")
        #expect(series.invoices.map(\.number.value) == ["F-5019", "NC-101", "F-5020", "F-5021"])
    }

    /// A collector's payments with the due date of each document paid stay payments, their
    /// reference a reference.
    @Test func paymentsWithTheDueDateTheyPaid() {
        let batch = Self.importing([
            ["Fecha de pago", "Cliente", "Referencia", "Vencimiento", "Monto pagado"],
            ["10/05/2024", "Alfa C.A.", "11112222", "30/04/2024", "600,00"],
            ["12/05/2024", "Beta C.A.", "11113333", "05/05/2024", "200,00"],
        ], country: "VE")
        #expect(batch.invoices.isEmpty && batch.payments.map { $0.reference?.value } == ["11112222", "11113333"])
    }

    /// `Comprobante` (a number header) over `FA`, `NCA`, beside `Número` over numbers: the words
    /// are the type, the numbers the document; a credit note stays one.
    @Test(arguments: [("Comprobante", "Número"), ("Comprobante", "Nro"), ("Documento", "Folio"), ("Documento", "Número")])
    func typeWordsUnderANumberHeader(_ words: String, _ numbers: String) {
        let batch = Self.importing([
            ["Cliente", words, numbers, "Fecha", "Importe", "Saldo"],
            ["Alfa SA", "FA", "0001-00000101", "01/02/2024", "1.000,00", "1.000,00"],
            ["Beta SRL", "NC", "0001-00000102", "02/02/2024", "200,00", "200,00"],
            ["Gama SA", "FA", "0001-00000103", "03/02/2024", "3.000,00", "500,00"],
            ["Delta SA", "FA", "0001-00000104", "04/02/2024", "4.000,00", "4.000,00"],
        ], country: "AR", currency: "ARS")
        #expect(batch.invoices.map(\.number.value) == ["0001-00000101", "0001-00000102", "0001-00000103", "0001-00000104"])
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .invoice, .invoice])
    }

    /// Written-out types (`Factura Electrónica`, `Nota de Crédito Electrónica`) under `Documento`.
    @Test func writtenOutTypesUnderDocumento() {
        let batch = Self.importing([
            ["RUT", "Cliente", "Documento", "N°", "Emisión", "Monto", "Saldo"],
            ["76.086.428-5", "Comercial Los Andes SpA", "Nota de Crédito Electrónica", "2000", "25/08/2024", "389.930", "389.930"],
            ["12.345.678-5", "Juan Pérez Soto", "Factura Electrónica", "2001", "24/04/2024", "484.440", "484.440"],
            ["12.345.678-5", "Juan Pérez Soto", "Factura Electrónica", "2002", "25/04/2024", "100.000", "100.000"],
        ], country: "CL", currency: "CLP")
        #expect(batch.invoices.map(\.number.value) == ["2000", "2001", "2002"])
        #expect(batch.invoices.map(\.type) == [.creditNote, .invoice, .invoice])
    }

    /// A document-number column of real numbers keeps its place beside a number header.
    @Test func aNumberColumnOfNumbersStays() {
        let batch = Self.importing([
            ["Cliente", "Factura", "Número de control", "Monto"],
            ["Alfa", "F-101", "00-000101", "10,00"],
            ["Beta", "F-102", "00-000102", "20,00"],
        ], country: "VE", currency: "VES")
        #expect(batch.invoices.map(\.number.value) == ["F-101", "F-102"])
    }

    /// The oldest bucket under QuickBooks' header (`91 and over`): its debt is the balance, not
    /// a row rejected for having none.
    @Test func theOldestBucketCounts() {
        let batch = Self.importing([
            ["Customer", "Invoice", "Date", "Current", "1 - 30", "31 - 60", "61 - 90", "91 and over"],
            ["N1", "INV-1", "01/02/2024", "10.00", "", "", "", ""],
            ["N2", "INV-2", "01/03/2024", "", "", "20.00", "", ""],
            ["N3", "INV-3", "01/04/2024", "", "", "", "", "30.00"],
        ])
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map { $0.balance?.value.amount } == [10, 20, 30])
    }

    /// Xero's Aged Receivables Detail: each customer's name alone on a row (in the `Date` column),
    /// its invoices under it numbered in `Reference`, `Total <name>` closing it, buckets by months.
    @Test(arguments: [1, 2, 1000])
    func xerosAgedReceivables(flush: Int) {
        var options = ImportOptions(currency: "USD")
        options.flushRows = flush
        let batch = Importer(options: options).importSource(MemorySource(path: "aged.xlsx", sheets: [.init(name: "Aged", rows: ArrayRowStream.rows([
            ["Aged Receivables Detail"],
            ["Date", "Transaction", "Reference", "Due Date", "Current", "< 1 Month", "1 Month", "2 Months", "3 Months", "Older", "Total"],
            ["Bayside Club"],
            ["2024-08-04", "Invoice", "INV-7489", "2024-08-24", "", "", "", "", "", "2520.70", "2520.70"],
            ["2024-07-03", "Invoice", "INV-2089", "2024-07-23", "", "", "", "", "", "113.89", "113.89"],
            ["Total Bayside Club", "", "", "", "", "", "", "", "", "", "2634.59"],
            ["Boom FM"],
            ["2024-10-10", "Invoice", "INV-1964", "2024-10-30", "", "", "", "1173.54", "", "", "1173.54"],
            ["2024-12-06", "Invoice", "INV-2739", "2024-12-26", "", "1382.16", "", "", "", "", "1382.16"],
            ["Total Boom FM", "", "", "", "", "", "", "", "", "", "2555.70"],
            ["Total", "", "", "", "", "", "", "", "", "", "5190.29"],
        ]))]))
        #expect(batch.payments.isEmpty && batch.rejects.isEmpty)
        #expect(batch.invoices.map(\.number.value) == ["INV-7489", "INV-2089", "INV-1964", "INV-2739"])
        let names = batch.invoices.map { invoice in batch.customers.first { $0.id == invoice.customer }?.name?.value }
        #expect(names == ["Bayside Club", "Bayside Club", "Boom FM", "Boom FM"])
        #expect(batch.invoices.map { $0.balance?.value.amount } == [2520.70, 113.89, 1173.54, 1382.16])
    }

    /// QuickBooks' Open Invoices: bare names over their invoices, `Total for <name>` under them.
    /// A lone name with no total after it in such a table is a heading too; without the totals
    /// naming them, bare names head nothing (a stray word must not name the invoices below it).
    @Test func quickBooksOpenInvoices() {
        let rows: [[String]] = [
            ["", "Date", "Transaction Type", "Num", "Due Date", "Amount", "Open Balance"],
            ["Amy's Bird Sanctuary"],
            ["", "03/24/2024", "Invoice", "1002", "04/23/2024", "8,532.58", "2,844.19"],
            ["", "05/02/2024", "Invoice", "1010", "06/01/2024", "100.00", "100.00"],
            ["Total for Amy's Bird Sanctuary", "", "", "", "", "", "2,944.19"],
            ["Cool Cars"],
            ["", "06/10/2024", "Invoice", "1020", "07/10/2024", "694.00", "694.00"],
            ["Total for Cool Cars", "", "", "", "", "", "694.00"],
        ]
        let batch = Self.importing(rows)
        let names = batch.invoices.map { invoice in batch.customers.first { $0.id == invoice.customer }?.name?.value }
        #expect(names == ["Amy's Bird Sanctuary", "Amy's Bird Sanctuary", "Cool Cars"])
        #expect(batch.rejects.isEmpty)
        let untotalled = Self.importing(rows.filter { !($0.first ?? "").hasPrefix("Total") })
        #expect(untotalled.invoices.allSatisfy { invoice in untotalled.customers.first { $0.id == invoice.customer }?.name == nil })
    }

    /// QuickBooks' A/R Aging Detail groups its rows by bucket (`91 or more days past due`): labels, no rows to reject.
    @Test func bucketGroupLabelsAreSkipped() {
        let batch = Self.importing([
            ["", "Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due", "Amount", "Open Balance"],
            ["Current"],
            ["", "12/27/2024", "Invoice", "5005", "Diego Rodriguez", "01/26/2025", "0", "345.70", "345.70"],
            ["1 - 30 days past due"],
            ["", "11/20/2024", "Invoice", "5001", "Red Rock Diner", "12/20/2024", "11", "172.59", "86.30"],
            ["91 or more days past due"],
            ["", "06/20/2024", "Invoice", "4001", "Cool Cars", "07/20/2024", "164", "50.00", "50.00"],
        ])
        #expect(batch.rejects.isEmpty && batch.invoices.count == 3)
    }

    /// Dates that read both ways (`03/04/2024`) with nothing to settle their order are read day
    /// first, and said per column; one date that settles it (`13/04/2024`) says nothing.
    @Test func anOpenDateOrderIsSaid() throws {
        var rows: [[String]] = [
            ["Customer", "Invoice", "Date", "Due Date", "Amount"],
            ["Acme", "INV-1", "03/04/2024", "04/03/2024", "10.00"],
            ["Beta", "INV-2", "05/06/2024", "06/05/2024", "20.00"],
        ]
        let said = Self.importing(rows).diagnostics.filter { $0.code == "MAP-DATE-ORDER-ASSUMED" }
        #expect(said.map(\.location?.column) == [3, 4])
        #expect(said.first?.severity == .warning && said.first?.message.contains("day first") == true)
        #expect(Self.importing(rows, country: "US").diagnostics.first { $0.code == "MAP-DATE-ORDER-ASSUMED" }?.severity == .info)
        rows.append(["Gama", "INV-3", "13/04/2024", "14/05/2024", "30.00"])
        #expect(!Self.importing(rows).diagnostics.contains { $0.code == "MAP-DATE-ORDER-ASSUMED" })
    }

    /// A CFDI export: `Tipo de Comprobante` (I, E) is the type, `Tipo de Cambio` an exchange rate
    /// (an extra, not the type); an egreso is a credit note.
    @Test func cfdiTypesAndExchangeRates() {
        let batch = Self.importing([
            ["Serie", "Folio", "Fecha Emisión", "RFC Receptor", "Nombre Receptor", "Tipo de Comprobante", "Moneda",
             "Tipo de Cambio", "Total", "Saldo Insoluto"],
            ["A", "100", "2024-09-01", "AES050312K79", "Abarrotes La Esperanza SA de CV", "I", "USD", "17.2450", "3,223.09", "1,611.54"],
            ["NC", "7", "2024-09-03", "AES050312K79", "Abarrotes La Esperanza SA de CV", "E", "USD", "17.3000", "200.00", "200.00"],
            ["A", "101", "2024-09-05", "AES050312K79", "Abarrotes La Esperanza SA de CV", "I", "MXN", "1", "5,821.51", "0.00"],
        ], country: "MX", currency: "MXN")
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .invoice])
        #expect(batch.invoices.map { $0.extra["Tipo de Cambio"] } == ["17.2450", "17.3000", "1"])
    }

    /// Chile's DTE codes in a `Tipo DTE` column: 33 a factura, 61 a nota de crédito, 56 a nota de débito.
    @Test func chileanDocumentCodes() {
        let batch = Self.importing([
            ["Tipo DTE", "Folio", "RUT", "Razón Social", "Emisión", "Monto", "Saldo"],
            ["33", "2001", "76.086.428-5", "Comercial Los Andes SpA", "24/04/2024", "484.440", "484.440"],
            ["61", "2002", "76.086.428-5", "Comercial Los Andes SpA", "25/04/2024", "100.000", "100.000"],
            ["56", "2003", "76.086.428-5", "Comercial Los Andes SpA", "26/04/2024", "5.000", "5.000"],
        ], country: "CL", currency: "CLP")
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .debitNote])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-DOCUMENT-TYPE-UNKNOWN" })
    }

    /// A payment list in two currencies (`Monto Bs. | Tasa BCV | Monto USD`): read in the book's
    /// currency when a column names it; the rate is no field.
    @Test(arguments: [(Currency(code: "USD")!, [Decimal(1000), 100]), (Currency(code: "VES")!, [Decimal(36300), 3640])])
    func aTwoCurrencyPaymentListReadsTheBooksCurrency(_ currency: Currency, _ amounts: [Decimal]) {
        let batch = Self.importing([
            ["Fecha", "Cliente", "RIF", "Referencia", "Monto Bs.", "Tasa BCV", "Monto USD", "Factura"],
            ["10/04/2024", "Ferretería Alfa C.A.", "J-30123456-1", "PM-1001", "36.300,00", "36,30", "1.000,00", "F-101"],
            ["20/05/2024", "Comercial Beta C.A.", "J-29654321-6", "PM-1002", "3.640,00", "36,40", "100,00", "F-201"],
        ], country: "VE", currency: currency)
        #expect(batch.payments.map(\.amount.value.amount) == amounts)
        #expect(batch.payments.allSatisfy { $0.amount.value.currency == currency })
        #expect(batch.payments.allSatisfy { $0.extra["Tasa BCV"] != nil })
    }
}
