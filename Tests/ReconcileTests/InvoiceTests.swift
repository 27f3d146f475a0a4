import Foundation
import Receivables
import Tabular
import Testing
@testable import Reconcile

@Suite struct InvoiceTests {
    @Test func copiesAcrossSourcesBecomeOneDocument() throws {
        let c = Fixture.tornillo
        let d = LocalDate(year: 2025, month: 3, day: 1)
        let invoices = [
            Fixture.invoice("ventas.xlsx", 2, customer: c[0], number: "F-0012", amount: 100, paid: 40, balance: 60, issue: d, priority: 1),
            Fixture.invoice("erp.csv", 5, customer: c[1], number: "FAC 12", amount: 110, paid: 40, balance: 60, issue: d),
            Fixture.invoice("erp.csv", 6, customer: c[1], number: "00012", amount: 110, issue: d),
            Fixture.invoice("erp.csv", 9, customer: c[1], number: "77", amount: 50, paid: 10, balance: 30),
        ]
        let payments = [
            Fixture.payment("banco.csv", 2, customer: c[2], invoice: "F-77", amount: 60),
            Fixture.payment("banco.csv", 3, customer: c[2], invoice: "F-999", amount: 5),
        ]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        let id = try #require(Fixture.customerID(of: c[0], in: result))
        let twelve = try #require(result.invoices.first { $0.customerID == id && $0.documentNumber == "F-0012" })
        #expect(twelve.sourceCount == 3)
        #expect(twelve.amount == Money(100, .usd))
        #expect(twelve.hasConflict)
        let kinds = Set(result.discrepancies.map(\.kind))
        #expect(kinds.isSuperset(of: ["invoice_field_conflict", "duplicate_document", "balance_mismatch", "overpayment", "unknown_invoice_payment"]))
        let conflict = try #require(result.discrepancies.first { $0.kind == "invoice_field_conflict" && $0.field == "amount" })
        #expect(conflict.values.count == 3 && conflict.chosen == "100.00 USD" && conflict.rule == "source_priority")
        let mismatch = try #require(result.discrepancies.first { $0.kind == "balance_mismatch" })
        #expect(mismatch.entityID.hasSuffix("/invoice/77"))
        #expect(result.payments.filter(\.invoiceFound).count == 1)
        #expect(result.payments.allSatisfy { $0.customerID == id })
    }

    /// One credit note written `-50,00` by one source and `50.00` (its type saying credit) by
    /// another: one credit of 50, no conflict.
    @Test func aCreditNoteSignedTwoWaysIsNoConflict() throws {
        let c = Fixture.tornillo
        var erp = Fixture.invoice("erp.csv", 5, customer: c[0], number: "NC-200", amount: -50, balance: -50, priority: 2)
        var sheet = Fixture.invoice("ventas.xlsx", 7, customer: c[1], number: "NC-200", amount: 50, balance: 50)
        erp.type = .creditNote; sheet.type = .creditNote
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: [erp, sheet]))
        let credit = try #require(result.invoices.first { $0.documentNumber == "NC-200" })
        #expect(credit.sourceCount == 2 && !credit.hasConflict)
        #expect(credit.amount == Money(-50, .usd) && credit.balance == Money(-50, .usd))
        #expect(!result.discrepancies.contains { $0.kind == "invoice_field_conflict" })
    }

    /// A bank transfer against a document that its sheet still shows unpaid (the sheet was updated
    /// before it): the balance is what is left once it is applied, and the auditor is told. A
    /// payment the sheet already counts changes nothing.
    @Test func paymentsTheSourcesDoNotReflectLowerTheBalance() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("ventas.csv", 2, customer: c[0], number: "F-1020", amount: 800, paid: 0, balance: 800),
                        Fixture.invoice("ventas.csv", 3, customer: c[0], number: "F-1021", amount: 500, balance: 500),
                        Fixture.invoice("ventas.csv", 4, customer: c[0], number: "F-1022", amount: 300, paid: 100, balance: 200)]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "1020", amount: 800),
                        Fixture.payment("banco.csv", 3, customer: c[0], invoice: "1021", amount: 200),
                        Fixture.payment("banco.csv", 4, customer: c[0], invoice: "1022", amount: 100)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("F-1020").balance == Money(0, .usd) && doc("F-1020").paid == Money(800, .usd))
        #expect(try doc("F-1021").balance == Money(300, .usd))
        #expect(try doc("F-1022").balance == Money(200, .usd) && !doc("F-1022").hasConflict)
        let notes = result.discrepancies.filter { $0.kind == "payment_not_reflected" }
        #expect(notes.count == 2 && notes.allSatisfy { $0.rule == "payments_applied" && $0.severity == .warning })
        #expect(notes.first { $0.entityID.hasSuffix("/F1020") || $0.entityID.hasSuffix("1020") }?.chosen == "0.00 USD")
        // No balance_mismatch beside it for the sheet without a paid column: the payments explain it.
        #expect(!result.discrepancies.contains { $0.kind == "balance_mismatch" })
    }

    /// The balance is the debt: with no paid column, or a paid of another source that disagrees
    /// with it, paid is the amount minus the balance, and a payment the balance already reflects
    /// raises nothing. A paid and a balance of two sources that disagree are said, each where it
    /// was read; one source's own figures that do not add up too.
    @Test func paidFollowsTheChosenBalance() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "105", amount: 1200, balance: 500, priority: 3),
                        Fixture.invoice("ventas.csv", 5, customer: c[0], number: "105", amount: 1200, paid: 350, priority: 2),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "106", amount: 500, balance: 200, priority: 3)]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "106", amount: 100)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("105").paid == Money(700, .usd) && doc("105").balance == Money(500, .usd))
        #expect(try doc("106").paid == Money(300, .usd) && doc("106").balance == Money(200, .usd))
        let mismatches = result.discrepancies.filter { $0.kind == "balance_mismatch" }
        #expect(mismatches.count == 1, "\(mismatches.map(\.message))")
        let mismatch = try #require(mismatches.first)
        #expect(mismatch.entityID.hasSuffix("/105") && mismatch.values.count == 2)
        #expect(Set(mismatch.values.map(\.provenance.location.file)) == ["erp.csv", "ventas.csv"])
        #expect(!result.discrepancies.contains { $0.kind == "payment_not_reflected" })
    }

    /// A bank payment of exactly the balance a sheet shows settles it, though the sheet's earlier
    /// payments are in no file: the balance is 0, not what the amount minus the bank's payments
    /// would leave; when what was paid equals what is left, the payment may be the one counted.
    @Test func aPaymentOfTheBalanceLeftSettlesIt() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "174", amount: 225.06, balance: 175.06),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "175", amount: 100, balance: 50)]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[1], invoice: "174", amount: 175.06),
                        Fixture.payment("banco.csv", 3, customer: c[1], invoice: "175", amount: 50)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("174").balance == Money(0, .usd) && doc("174").paid == Money(225.06, .usd))
        #expect(try doc("175").balance == Money(50, .usd))
        let notes = result.discrepancies.filter { $0.kind == "payment_not_reflected" }
        #expect(notes.count == 1 && notes.first?.message.contains("taken as settled") == true)
    }

    /// A notebook's `Debe:` is checked against the customer's documents: a figure that differs
    /// from their balances in its currency is said, citing the line and each document; one that
    /// agrees, or a customer whose documents are all in another currency, is not.
    @Test func aStatedBalanceIsCheckedAgainstTheDocuments() throws {
        var c = Fixture.tornillo
        let notebook = Provenance(SourceLocation(file: "cuaderno.txt", line: 9))
        c[2].statedBalance = Sourced(Money(9_999.99, .usd), from: notebook)
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "105", amount: 1200, balance: 500),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "106", amount: 500, balance: 200)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices))
        let found = result.discrepancies.filter { $0.kind == "stated_balance_mismatch" }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.entityID == Fixture.customerID(of: c[1], in: result) && d.severity == .warning)
        #expect(d.values.map(\.value) == ["9999.99 USD", "105: 500.00 USD", "106: 200.00 USD"], "\(d.values.map(\.value))")
        #expect(d.values.first?.provenance.location.line == 9 && d.chosen == "700.00 USD")

        c[2].statedBalance = Sourced(Money(700, .usd), from: notebook)
        #expect(!Reconciler().reconcile(Fixture.batch(c, invoices: invoices)).discrepancies.contains { $0.kind == "stated_balance_mismatch" })
        c[2].statedBalance = Sourced(Money(700, .ves), from: notebook)
        #expect(!Reconciler().reconcile(Fixture.batch(c, invoices: invoices)).discrepancies.contains { $0.kind == "stated_balance_mismatch" })
    }

    /// One document, of one amount and date, under two customers that matching kept apart: its
    /// balance counts twice, and that is said; a number two customers share with different
    /// amounts (two numbering series) is not.
    @Test func oneDocumentUnderTwoCustomersIsSaid() throws {
        let c = Fixture.tornillo
        let d = LocalDate(year: 2024, month: 5, day: 1)
        let invoices = [Fixture.invoice("vendedor.csv", 2, customer: c[0], number: "00901", amount: 1500, balance: 1500, issue: d),
                        Fixture.invoice("erp.csv", 7, customer: c[3], number: "901", amount: 1500, balance: 1500, issue: d),
                        Fixture.invoice("vendedor.csv", 3, customer: c[0], number: "00902", amount: 900, balance: 900, issue: d),
                        Fixture.invoice("erp.csv", 8, customer: c[3], number: "902", amount: 400, balance: 400, issue: d)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices))
        #expect(Fixture.customerID(of: c[0], in: result) != Fixture.customerID(of: c[3], in: result))
        let found = result.discrepancies.filter { $0.kind == "document_under_several_customers" }
        #expect(found.count == 1)
        let d901 = try #require(found.first)
        #expect(d901.entityID == "invoice/901" && d901.values.count == 2 && d901.message.contains("3000.00 USD in all"), "\(d901.message)")

        // A copy from a list that gives no issue date is the same document; two dates are two.
        var undated = invoices
        undated[1].issueDate = nil
        #expect(Reconciler().reconcile(Fixture.batch(c, invoices: undated)).discrepancies
            .filter { $0.kind == "document_under_several_customers" }.count == 1)
        // A copy typed a day later is the same document (QA session 22: it went unsaid).
        var typedLater = invoices
        typedLater[0].issueDate = Sourced(LocalDate(year: 2024, month: 5, day: 2)!, from: typedLater[0].provenance)
        #expect(Reconciler().reconcile(Fixture.batch(c, invoices: typedLater)).discrepancies
            .filter { $0.kind == "document_under_several_customers" }.count == 1)
        var redated = invoices
        redated[1].issueDate = Sourced(LocalDate(year: 2024, month: 6, day: 1)!, from: redated[1].provenance)
        #expect(!Reconciler().reconcile(Fixture.batch(c, invoices: redated)).discrepancies
            .contains { $0.kind == "document_under_several_customers" })
    }

    /// One transfer for two documents (`00159/00160`) pays each what it owes, in the order
    /// written, the last what is left; a document of another customer is said as such.
    @Test func onePaymentOfSeveralDocumentsIsShared() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "00159", amount: 1000.50, balance: 1000.50),
                        Fixture.invoice("erp.csv", 3, customer: c[0], number: "00160", amount: 1500, balance: 1500),
                        Fixture.invoice("erp.csv", 4, customer: c[3], number: "00170", amount: 700, balance: 700)]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "159 y 160", amount: 2000),
                        Fixture.payment("banco.csv", 3, customer: c[0], invoice: "00170", amount: 700)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("00159").balance == Money(0, .usd) && doc("00160").balance == Money(500.50, .usd))
        #expect(result.payments.count == 2 && result.payments.first { $0.invoiceNumber == "159 y 160" }?.invoiceFound == true)
        let other = try #require(result.discrepancies.first { $0.kind == "payment_for_other_customer" })
        #expect(other.message.contains(try #require(Fixture.customerID(of: c[3], in: result))))
        #expect(try doc("00170").balance == Money(700, .usd))
    }

    /// A payment's list of documents as collectors write it: words before it, plurals, a space
    /// between two numbers. A type letter or a code in front stays.
    @Test(arguments: [("Facturas F-111 y F-112", ["F-111", "F-112"]), ("FACTURAS F-121, F-122", ["F-121", "F-122"]),
                      ("Facts. 131 y 132", ["131", "132"]), ("Pago facturas F-161 y F-162", ["F-161", "F-162"]),
                      ("F-171 F-172", ["F-171", "F-172"]), ("F-601 y 602", ["F-601", "602"]), ("00159/00160", ["00159", "00160"]),
                      ("A 0001-00000105", ["A 0001-00000105"]), ("Factura Nº 12", ["Nº 12"]), ("NC 5", ["NC 5"]),
                      ("Abono F-401, saldo pendiente", ["F-401"])])
    func documentLists(_ raw: String, _ pieces: [String]) {
        #expect(InvoiceConsolidator.documentPieces(raw) == pieces)
    }

    @Test func oneListWrittenTwoWaysIsOneKey() {
        #expect(InvoiceConsolidator.documentListKey("F-601 y 602") == InvoiceConsolidator.documentListKey("F-601, F-602"))
        #expect(InvoiceConsolidator.documentListKey("F-601 y 603") != InvoiceConsolidator.documentListKey("F-601, F-602"))
        #expect(InvoiceConsolidator.documentListKey("Factura F-101") == InvoiceNumber.normalize("F-101"))
    }

    /// Lists written with words before them are shared among their documents; the bank's copy of
    /// the collector's payment, its list written otherwise, is the same payment, counted once; a
    /// list naming a document no source lists pays the ones it can and says the other.
    @Test func paymentListsAsCollectorsWriteThem() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "F-111", amount: 1000, balance: 1000),
                        Fixture.invoice("erp.csv", 3, customer: c[0], number: "F-112", amount: 500, balance: 500),
                        Fixture.invoice("erp.csv", 4, customer: c[0], number: "F-601", amount: 250, balance: 250),
                        Fixture.invoice("erp.csv", 5, customer: c[0], number: "F-602", amount: 350, balance: 350),
                        Fixture.invoice("erp.csv", 6, customer: c[0], number: "F-401", amount: 600, balance: 600)]
        let payments = [Fixture.payment("cobranza.csv", 2, customer: c[0], invoice: "Facturas F-111 y F-112", amount: 1500),
                        Fixture.payment("cobranza.csv", 3, customer: c[0], invoice: "F-601 y 602", amount: 600),
                        Fixture.payment("banco.csv", 2, customer: c[0], invoice: "F-601, F-602", amount: 600),
                        Fixture.payment("cobranza.csv", 4, customer: c[0], invoice: "F-401, F-999", amount: 700)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func balance(_ n: String) throws -> Decimal? { try #require(result.invoices.first { $0.documentNumber == n }).balance?.amount }
        #expect(try balance("F-111") == 0 && balance("F-112") == 0)
        #expect(try balance("F-601") == 0 && balance("F-602") == 0)
        #expect(result.discrepancies.contains { $0.kind == "duplicate_payment" })
        #expect(try balance("F-401") == 0)
        let unknown = try #require(result.discrepancies.first { $0.kind == "unknown_invoice_payment" })
        #expect(unknown.message.contains("F-999 is listed by no source") && unknown.message.contains("100.00 USD was applied to none"),
                "\(unknown.message)")
    }

    /// A collector's receipt (`R-001`) and the bank's transaction number (`11112222`) are two
    /// numberings of one payment: the same document, amount and day in both is counted once. Two
    /// bank numbers, or two receipts, that differ are two payments.
    @Test(arguments: [("R-001", "11112222", 1), ("REC 45", "0011112222", 1), ("11112222", "11113333", 2), ("R-001", "R-002", 2),
                      ("R-001", "2222", 2)])
    func aReceiptAndABankNumber(_ receipt: String, _ bank: String, _ counted: Int) throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "F-101", amount: 1500, balance: 1500)]
        func withReference(_ p: Payment, _ r: String) -> Payment {
            var p = p
            p.reference = Sourced(r, from: p.provenance)
            p.date = Sourced(LocalDate(year: 2024, month: 5, day: 10)!, from: p.provenance)
            return p
        }
        let payments = [withReference(Fixture.payment("cobranza.csv", 2, customer: c[0], invoice: "F-101", amount: 700), receipt),
                        withReference(Fixture.payment("banco.csv", 2, customer: c[0], invoice: "F-101", amount: 700), bank)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        let balance = try #require(result.invoices.first).balance?.amount
        #expect(balance == 1500 - 700 * Decimal(counted))
    }

    /// A collector's list that writes a credit note as a payment (`NC-5 | 300,00 | Nota de crédito`)
    /// beside the ERP's credit note: the credit lowers the balance once, and that is said.
    @Test func aCreditNoteListedAsAPaymentCountsOnce() throws {
        let c = Fixture.tornillo
        var note = Fixture.invoice("erp.csv", 3, customer: c[0], number: "NC-5", amount: -300, balance: nil)
        note.type = .creditNote
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "F-301", amount: 2000, balance: nil), note]
        var listed = Fixture.payment("cobranza.csv", 2, customer: c[0], invoice: "F-301", amount: 300)
        listed.reference = Sourced("NC-5", from: listed.provenance)
        listed.method = Sourced("Nota de crédito", from: listed.provenance)
        var money = Fixture.payment("cobranza.csv", 3, customer: c[0], invoice: "F-301", amount: 500)
        money.reference = Sourced("R-77", from: money.provenance)
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: [listed, money]))
        let f301 = try #require(result.invoices.first { $0.documentNumber == "F-301" })
        #expect(f301.paid?.amount == 500)
        #expect(result.discrepancies.contains { $0.kind == "credit_note_as_payment" && $0.message.contains("NC-5") })
    }

    /// One transfer naming the payer's document and another customer's (`00159 y 00170`): the
    /// payer's takes what it owes, the rest is applied to none and said, naming the owner.
    @Test func onePaymentOfOwnAndOthersDocumentsPaysTheOwn() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "00159", amount: 1000, balance: 1000),
                        Fixture.invoice("erp.csv", 4, customer: c[3], number: "00170", amount: 700, balance: 700)]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "00159 y 00170", amount: 1500)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("00159").balance == Money(0, .usd) && doc("00170").balance == Money(700, .usd))
        let other = try #require(result.discrepancies.first { $0.kind == "payment_for_other_customer" })
        #expect(other.message.contains("500.00 USD was applied to none"), "\(other.message)")
        #expect(!result.discrepancies.contains { $0.kind == "unknown_invoice_payment" })
    }

    /// A description naming two of the customer's documents (`PAGO FACS 00205 Y 00201`) shares
    /// the payment among them as a document cell naming both would.
    @Test func aDescriptionNamingTwoDocumentsSharesThePayment() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "00205", amount: 600, balance: 600),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "00201", amount: 900, balance: 900)]
        var payment = Fixture.payment("banco.csv", 2, customer: c[1], invoice: nil, amount: 1000)
        payment.extra["Descripción"] = "PAGO FACS 00205 Y 00201"
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: [payment]))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("00205").balance == Money(0, .usd) && doc("00201").balance == Money(500, .usd))
        #expect(result.discrepancies.contains { $0.kind == "invoice_from_description" && $0.message.contains("shared") })
        #expect(!result.discrepancies.contains { $0.kind == "unapplied_payment" })
        // One number alone after the word is still one document.
        #expect(InvoiceMention.findAll(in: ["PAGO FACS 00205"], documents: { [$0] }, isCustomers: { _ in true }).isEmpty)
    }

    /// A number announced by a word glued to its mark (`FACT.Nº 0112`) is found as `FACT Nº 0112`
    /// is; a bare number no word announces is not.
    @Test(arguments: [("PAGO FACT.Nº 0112", true), ("PAGO FACT. Nº 0112", true), ("PAGO FAC.0112", true), ("PAGO 0112", false)])
    func announcedNumbersInDescriptions(_ text: String, _ found: Bool) {
        let hit = InvoiceMention.find(in: [text], documents: { $0 == InvoiceNumber.normalize("00112") ? ["doc"] : [] },
                                      isCustomers: { _ in true }, customerKnown: true)
        #expect((hit?.key == "doc") == found, "\(text)")
    }

    /// QA's second pass: a balance of a higher-priority source that does not reflect a paid
    /// column elsewhere still takes the payment; the same payment in the bank and in a
    /// salesperson's log is counted once; a customer's payment naming no document, or in another
    /// currency than the document's, is said.
    @Test func paymentsCountOnceAndWhatIsNotAppliedIsSaid() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "200", amount: 1000, balance: 1000, priority: 3),
                        Fixture.invoice("vendedor.csv", 2, customer: c[0], number: "F-200", amount: 1000, paid: 300, balance: 700),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "301", amount: 1000, balance: 1000)]
        var ves = Fixture.payment("banco.csv", 5, customer: c[0], invoice: "301", amount: 36500)
        ves.amount = Sourced(Money(36500, .ves), from: ves.provenance)
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "F-200", amount: 300),
                        Fixture.payment("banco.csv", 3, customer: c[0], invoice: "301", amount: 250),
                        Fixture.payment("cobros.csv", 2, customer: c[0], invoice: "301", amount: 250),
                        Fixture.payment("banco.csv", 4, customer: c[0], invoice: nil, amount: 600), ves]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        func doc(_ n: String) throws -> ConsolidatedInvoice { try #require(result.invoices.first { $0.documentNumber == n }) }
        #expect(try doc("200").balance == Money(700, .usd))
        #expect(try doc("301").balance == Money(750, .usd))
        let kinds = result.discrepancies.map(\.kind)
        #expect(kinds.contains("duplicate_payment") && kinds.contains("unapplied_payment")
                    && kinds.contains("payment_currency_mismatch"))
    }

    /// A payment's discrepancies are named by what it says, not its row: the bank file sorted
    /// again (its lines on other rows) keeps every ID, so a nightly diff shows no change; two
    /// lines that say the same are still two.
    @Test func paymentDiscrepancyIDsFollowWhatThePaymentSays() throws {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "200", amount: 1000, balance: 1000)]
        func bank(_ rows: [Int]) -> [Payment] {
            [Fixture.payment("banco.csv", rows[0], customer: c[0], invoice: "999", amount: 300),
             Fixture.payment("banco.csv", rows[1], customer: c[0], invoice: nil, amount: 600),
             Fixture.payment("banco.csv", rows[2], customer: c[0], invoice: nil, amount: 600)]
        }
        func ids(_ rows: [Int]) -> [String] {
            Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: bank(rows))).discrepancies
                .filter { $0.entity == "payment" }.map(\.id).sorted()
        }
        let before = ids([2, 3, 4]), after = ids([7, 5, 6])
        #expect(before.count == 3 && Set(before).count == 3)
        #expect(before == after)
    }

    /// A payment dated after the run's as-of date has not been received yet: it pays nothing.
    @Test func paymentsAfterTheAsOfDatePayNothing() throws {
        let c = Fixture.tornillo
        var late = Fixture.payment("banco.csv", 2, customer: c[0], invoice: "F-107", amount: 250)
        late.date = Sourced(LocalDate(year: 2024, month: 10, day: 15)!, from: late.provenance)
        let batch = Fixture.batch(c, invoices: [Fixture.invoice("ventas.csv", 2, customer: c[0], number: "F-107",
                                                                amount: 1000, balance: 1000)], payments: [late])
        var cut = Reconciler()
        cut.asOf = LocalDate(year: 2024, month: 9, day: 30)
        #expect(try #require(cut.reconcile(batch).invoices.first).balance == Money(1000, .usd))
        #expect(try #require(Reconciler().reconcile(batch).invoices.first).balance == Money(750, .usd))
    }

    /// Money received that names no customer: if no document either, nobody's balance reflects it;
    /// if a document several customers have, it is applied to none. Both are said.
    @Test func paymentsNobodyCanBeGivenAreSaid() {
        let c = Fixture.tornillo
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "1001", amount: 100, balance: 100),
                        Fixture.invoice("erp.csv", 3, customer: c[3], number: "1001", amount: 70, balance: 70)]
        let payments = [Fixture.payment("banco.csv", 2, customer: nil, invoice: nil, amount: 123.45),
                        Fixture.payment("banco.csv", 3, customer: nil, invoice: "1001", amount: 300)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        let kinds = result.discrepancies.map(\.kind)
        #expect(kinds.contains("unassigned_payment") && kinds.contains("ambiguous_payment"))
        #expect(!kinds.contains("unknown_invoice_payment"))
    }

    /// A bank line with an empty document cell that names the document in its description is
    /// applied to it, and says so (two of its customer's documents share it); a stray number, a
    /// reference or another customer's document link nothing.
    @Test func paymentsFindTheDocumentTheirDescriptionNames() throws {
        let c = Fixture.tornillo
        let d = LocalDate(year: 2025, month: 3, day: 1)
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[1], number: "FE-1001", amount: 100, balance: 100, issue: d),
                        Fixture.invoice("erp.csv", 3, customer: c[1], number: "FE-1002", amount: 80, balance: 80, issue: d),
                        Fixture.invoice("erp.csv", 4, customer: c[3], number: "FE-1003", amount: 70, balance: 70, issue: d),
                        Fixture.invoice("erp.csv", 5, customer: c[1], number: "250000", amount: 90, balance: 90, issue: d)]
        func payment(_ row: Int, customer: Customer?, description: String) -> Payment {
            var p = Fixture.payment("banco.csv", row, customer: customer, invoice: nil, amount: 10)
            p.extra["Descripción"] = description
            return p
        }
        let payments = [payment(2, customer: c[2], description: "PAGO PSE FACT FE-1002"),
                        payment(3, customer: nil, description: "TRANSF FERRETERIA EL CLAVO FE-1001"),
                        payment(4, customer: nil, description: "CONSIGNACION FACTURA 1003"),
                        payment(5, customer: nil, description: "PAGO 1003 RECIBIDO"),
                        payment(6, customer: c[2], description: "ABONO FACT FE-1001 Y FE-1002"),
                        payment(7, customer: c[2], description: "PAGO FE-1003"),
                        payment(8, customer: c[2], description: "ABONO 250000 FACT FE-9001"),
                        { var p = payment(9, customer: c[2], description: "TRANSFERENCIA"); p.reference = Sourced("0001002", from: p.provenance); return p }()]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        let linked = Dictionary(uniqueKeysWithValues: result.payments.map { ($0.payment.id.rawValue, $0.invoiceFound ? $0.invoiceNumber : nil) })
        #expect(linked["banco.csv#2"] == "FE-1002")
        #expect(linked["banco.csv#3"] == "FE-1001")     // looks like a document number
        #expect(linked["banco.csv#4"] == "1003")        // announced by FACTURA
        #expect(linked["banco.csv#5"] == .some(nil))    // a bare number of an unknown payer
        #expect(linked["banco.csv#6"] == "FE-1001, FE-1002")  // two of its customer's documents: shared
        #expect(linked["banco.csv#7"] == .some(nil))    // another customer's document
        #expect(linked["banco.csv#8"] == .some(nil))    // an amount, even one equal to a document number
        #expect(linked["banco.csv#9"] == .some(nil))    // a bank reference
        let said = result.discrepancies.filter { $0.kind == "invoice_from_description" }
        #expect(said.count == 4 && said.allSatisfy { $0.severity == .info })
        let fe1002 = try #require(result.invoices.first { $0.documentNumber == "FE-1002" })
        #expect(fe1002.paid == Money(10, .usd))
    }

    /// The same transfer in two overlapping bank statements (same date, reference and amount) is
    /// one payment, said once; two deposits alike in one statement, or without a reference, stay two.
    @Test func theSameTransferInTwoStatementsIsOnePayment() throws {
        let c = Fixture.tornillo
        let d = LocalDate(year: 2024, month: 6, day: 5)
        func payment(_ file: String, _ row: Int, reference: String?, amount: Decimal = 60) -> Payment {
            var p = Fixture.payment(file, row, customer: c[2], invoice: nil, amount: amount)
            p.date = Sourced(d!, from: p.provenance)
            p.reference = reference.map { Sourced($0, from: p.provenance) }
            return p
        }
        let payments = [payment("banco-mayo-junio.csv", 3, reference: "77002"),
                        payment("banco-junio.csv", 2, reference: "0077002"),
                        payment("banco-junio.csv", 5, reference: "555"), payment("banco-junio.csv", 6, reference: "555"),
                        payment("banco-mayo-junio.csv", 7, reference: nil), payment("banco-junio.csv", 8, reference: nil),
                        payment("banco-mayo-junio.csv", 9, reference: "77003", amount: 61),
                        payment("banco-junio.csv", 9, reference: "77003", amount: 62),
                        // A line pasted twice in one statement: a bank's transaction number repeats.
                        payment("banco-junio.csv", 10, reference: "22220000001"), payment("banco-junio.csv", 11, reference: "22220000001")]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: [], payments: payments))
        #expect(result.payments.count == 8)
        let duplicates = result.discrepancies.filter { $0.kind == "duplicate_payment" }
        #expect(duplicates.count == 2 && duplicates.allSatisfy { $0.values.count == 2 })
        #expect(duplicates.contains { $0.message.contains("twice in banco-junio.csv") })
    }

    /// Two sources write one transfer's reference their own way: the bank's full number, a
    /// salesperson's `Ref. 4567` or the last digits the statement kept. Counted once.
    @Test func oneTransferWithReferencesWrittenDifferently() throws {
        let c = Fixture.tornillo
        let d = LocalDate(year: 2024, month: 6, day: 6)
        func payment(_ file: String, _ row: Int, reference: String, amount: Decimal = 200) -> Payment {
            var p = Fixture.payment(file, row, customer: c[2], invoice: nil, amount: amount)
            p.date = Sourced(d!, from: p.provenance)
            p.reference = Sourced(reference, from: p.provenance)
            return p
        }
        let pairs: [(String, String)] = [("4567", "Ref. 4567"), ("4567", "#4567"), ("15752684567", "684567"), ("REF 004567", "4567"),
                                         ("000123459901", "459901")]
        for (a, b) in pairs {
            let result = Reconciler().reconcile(Fixture.batch(c, invoices: [], payments: [payment("banco.csv", 2, reference: a),
                                                                                         payment("cobros-ana.csv", 3, reference: b)]))
            #expect(result.payments.count == 1, "\(a) / \(b)")
        }
        // Different numbers, or a short tail, or one file's two lines: two payments.
        for (a, b, sameFile) in [("4567", "4568", false), ("15752684567", "567", false), ("DEPOSITO", "DEPOSITO 2", false),
                                 ("15752684567", "684567", true)] {
            let result = Reconciler().reconcile(Fixture.batch(c, invoices: [], payments: [
                payment("banco.csv", 2, reference: a), payment(sameFile ? "banco.csv" : "cobros-ana.csv", 3, reference: b)]))
            #expect(result.payments.count == 2, "\(a) / \(b)")
        }
        // One bank line takes one copy per file, the same reference first; a short tail is no match.
        let three = Reconciler().reconcile(Fixture.batch(c, invoices: [], payments: [
            payment("banco.csv", 2, reference: "1234"), payment("cobros-ana.csv", 3, reference: "Ref. 51234"),
            payment("cobros-ana.csv", 4, reference: "Ref. 1234")]))
        #expect(three.payments.count == 2)
        // The copy that names the document is the one kept; two customers' payments stay two.
        var named = payment("cobros-ana.csv", 5, reference: "459901")
        named.invoiceNumber = Sourced("1030", from: named.provenance)
        let kept = Reconciler().reconcile(Fixture.batch(c, invoices: [], payments: [payment("banco.csv", 2, reference: "000123459901"), named]))
        #expect(kept.payments.map { $0.payment.id.rawValue } == [named.id.rawValue])
        let others = Fixture.others
        var other = Fixture.payment("cobros-ana.csv", 6, customer: others[0], invoice: nil, amount: 200)
        other.date = Sourced(d!, from: other.provenance); other.reference = Sourced("4567", from: other.provenance)
        let apart = Reconciler().reconcile(Fixture.batch(c + others, invoices: [], payments: [payment("banco.csv", 2, reference: "4567"), other]))
        #expect(apart.payments.count == 2)
        #expect(PaymentReference.core("Ref. 004567") == "4567" && PaymentReference.core("Nº 12") == "12")
        #expect(PaymentReference.core("DEPOSITO") == "DEPOSITO")
    }

    @Test func contactsAndPromisesAttachToConsolidatedCustomer() throws {
        let c = Fixture.tornillo
        var batch = Fixture.batch(c)
        let p = Provenance(SourceLocation(file: "notas.txt", line: 4))
        let day = try #require(LocalDate(year: 2025, month: 4, day: 2))
        batch.contacts = [ContactEvent(id: RecordID("notas.txt#L4"), customer: c[2].id, date: day, channel: .call, text: "llamé", provenance: p)]
        batch.promises = [PromiseToPay(id: RecordID("notas.txt#L4/p"), customer: c[2].id, madeOn: day, text: "paga el viernes", provenance: p)]
        let result = Reconciler().reconcile(batch)
        let id = Fixture.customerID(of: c[0], in: result)
        #expect(result.contacts.first?.customerID == id)
        #expect(result.promises.first?.customerID == id)
    }
}

@Suite struct InvoiceSurvivorshipTests {
    @Test(arguments: [("erp-2024-06.csv", "20240601"), ("cartera_20240615.xlsx", "20240615"), ("saldos 2024.05.xlsx", "20240501"),
                      ("/x/2023/erp.csv", nil), ("ventas.xlsx", nil), ("ref-12024061599.csv", nil), ("erp 2024-05 y 2024-06.csv", "20240601"),
                      ("erp-20-06-2024.csv", "20240620"), ("cartera abril 2024.csv", "20240401"), ("Cartera Mayo-2024.xlsx", "20240501")]
          as [(String, String?)])
    func datesInFileNames(_ name: String, _ expected: String?) {
        #expect(FileNameDate.of(name) == expected)
    }

    /// Copies that disagree: the figures more sources agree on win, then the later export, before
    /// the file name's order.
    @Test func agreementThenTheLaterExportDecide() throws {
        let c = Fixture.tornillo
        func copy(_ file: String, _ balance: Decimal) -> Invoice {
            Fixture.invoice(file, 2, customer: c[0], number: "F-1015", amount: 1000, balance: balance)
        }
        let three = Reconciler().reconcile(Fixture.batch(c, invoices: [copy("a-ana.csv", 800.50), copy("erp.csv", 300.50),
                                                                        copy("ventas-pedro.csv", 300.50)]))
        #expect(three.invoices.first?.balance?.amount == Decimal(string: "300.50"))
        #expect(three.discrepancies.first { $0.kind == "invoice_field_conflict" && $0.field == "balance" }?.rule == "most_frequent")
        let two = Reconciler().reconcile(Fixture.batch(c, invoices: [copy("erp-2024-06.csv", 1400), copy("erp-2024-05.csv", 3400)]))
        #expect(two.invoices.first?.balance?.amount == 1400)
        #expect(two.discrepancies.first { $0.kind == "invoice_field_conflict" && $0.field == "balance" }?.rule == "most_recent")
    }
}

@Suite struct NoteRepeatsTests {
    /// A chat exported twice (overlapping months) gives its messages once; a promise written in the
    /// notebook and made in the chat counts once, said as `duplicate_promise`.
    @Test func repeatsAcrossFilesCountOnce() throws {
        let c = Fixture.tornillo
        let day = try #require(LocalDate(year: 2024, month: 3, day: 15))
        let time = TimeOfDay(hour: 10, minute: 5)
        func message(_ file: String, _ line: Int, author: String? = "Ferretería", time: TimeOfDay?) -> ContactEvent {
            let p = Provenance(SourceLocation(file: file, line: line))
            return ContactEvent(id: RecordID(p.location), customer: c[0].id, date: day, time: time, channel: .whatsapp,
                                author: author, text: "El viernes le transfiero 400", provenance: p)
        }
        func promise(_ file: String, _ line: Int, text: String) -> PromiseToPay {
            let p = Provenance(SourceLocation(file: file, line: line))
            return PromiseToPay(id: RecordID(p.location, suffix: "promise"), customer: c[0].id, madeOn: day,
                                promisedDate: LocalDate(year: 2024, month: 3, day: 22), amount: Money(400, .usd), text: text, provenance: p)
        }
        var batch = Fixture.batch(c)
        batch.contacts = [message("chat-marzo.txt", 3, time: time), message("chat-abril.txt", 3, time: time),
                          message("cuaderno.txt", 5, author: nil, time: nil), message("cuaderno.txt", 6, author: nil, time: nil)]
        batch.promises = [promise("chat-marzo.txt", 3, text: "El viernes le transfiero 400"),
                          promise("chat-abril.txt", 3, text: "El viernes le transfiero 400"),
                          promise("cuaderno.txt", 5, text: "dice que transfiere 400 el viernes")]
        let result = Reconciler().reconcile(batch)
        #expect(result.contacts.count == 3)
        #expect(result.promises.map { $0.promise.provenance.location.file } == ["chat-abril.txt"])
        #expect(result.discrepancies.filter { $0.kind == "duplicate_promise" }.count == 1)
    }
}

@Suite struct NumberedTwoWaysTests {
    /// One customer's document of one amount and day, numbered by two systems their own way, is
    /// said for review; the same number, or numbers that do not end alike, are not.
    @Test func documentsNumberedTwoWaysAreSaid() throws {
        let c = Fixture.tornillo
        let day = LocalDate(year: 2024, month: 3, day: 1)
        func doc(_ file: String, _ row: Int, _ number: String, _ amount: Decimal) -> Invoice {
            Fixture.invoice(file, row, customer: c[0], number: number, amount: amount, issue: day)
        }
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: [
            doc("a.csv", 2, "FV-1-1204", 100), doc("b.csv", 2, "1204", 100),
            doc("a.csv", 3, "FV24-015", 200), doc("b.csv", 3, "2024/015", 200),
            doc("a.csv", 4, "A-1001", 300), doc("a.csv", 5, "B-1001", 300),   // one file: two documents
            doc("a.csv", 6, "F-777", 400), doc("b.csv", 6, "F-778", 400),
        ]))
        let said = result.discrepancies.filter { $0.kind == "possible_duplicate_document" }
        #expect(said.count == 2)
        #expect(said.allSatisfy { $0.values.count == 2 })
    }
}

/// QA session 21 (F1): one document written with its type's word by one source and without it by
/// another (a Colombian ERP's `Tipo FV | Número 1204` beside a salesperson's `FV-1204`) is one
/// document, counted once; the same digits of another type, or after another word (`REM-88`, a
/// delivery note), stay another document.
@Suite struct DocumentWordTests {
    struct Copies: Sendable, CustomTestStringConvertible {
        var a: String, typeA: Invoice.DocumentType, b: String, typeB: Invoice.DocumentType, oneDocument: Bool
        var testDescription: String { "\(a) (\(typeA)) ~ \(b) (\(typeB)): \(oneDocument ? "one" : "two")" }
    }

    static let cases: [Copies] = [
        .init(a: "FV-1204", typeA: .invoice, b: "1204", typeB: .invoice, oneDocument: true),
        .init(a: "FC-00123", typeA: .invoice, b: "123", typeB: .invoice, oneDocument: true),
        .init(a: "FCV-77", typeA: .invoice, b: "77", typeB: .invoice, oneDocument: true),
        .init(a: "FV 0055", typeA: .invoice, b: "FAC-55", typeB: .invoice, oneDocument: true),
        .init(a: "NC 5", typeA: .creditNote, b: "5", typeB: .creditNote, oneDocument: true),
        .init(a: "N/C-0005", typeA: .creditNote, b: "5", typeB: .creditNote, oneDocument: true),
        .init(a: "Nota de Crédito 5", typeA: .creditNote, b: "NC-5", typeB: .creditNote, oneDocument: true),
        .init(a: "N/C 5", typeA: .creditNote, b: "NC-0005", typeB: .creditNote, oneDocument: true),
        .init(a: "ND-7", typeA: .debitNote, b: "7", typeB: .debitNote, oneDocument: true),
        // An invoice and a credit note of the same digits are two documents, however written.
        .init(a: "NC-5", typeA: .creditNote, b: "5", typeB: .invoice, oneDocument: false),
        .init(a: "5", typeA: .creditNote, b: "5", typeB: .invoice, oneDocument: false),
        .init(a: "NC-5", typeA: .creditNote, b: "ND-5", typeB: .debitNote, oneDocument: false),
        .init(a: "REM-88", typeA: .invoice, b: "88", typeB: .invoice, oneDocument: false),
        .init(a: "F001-00000105", typeA: .invoice, b: "1105", typeB: .invoice, oneDocument: false),
    ]

    @Test(arguments: cases)
    func copiesMeetByTypeAndNumber(_ copies: Copies) throws {
        let c = Fixture.tornillo
        let day = LocalDate(year: 2024, month: 3, day: 1)
        func doc(_ file: String, _ number: String, _ type: Invoice.DocumentType) -> Invoice {
            let sign: Decimal = type == .creditNote ? -1 : 1
            var d = Fixture.invoice(file, 2, customer: c[0], number: number, amount: 300 * sign, balance: 300 * sign, issue: day)
            d.type = type
            return d
        }
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: [doc("erp.csv", copies.a, copies.typeA),
                                                                          doc("vendedor.csv", copies.b, copies.typeB)]))
        #expect(result.invoices.count == (copies.oneDocument ? 1 : 2))
        if copies.oneDocument { #expect(result.invoices.first?.sourceCount == 2) }
    }

    /// A payment naming a credit note's number pays no invoice of its digits (the note's word is
    /// dropped from notes' numbers only), and a debit note is still found under its number as
    /// written.
    @Test func aPaymentNamingACreditNotePaysNoInvoice() throws {
        let c = Fixture.tornillo
        var note = Fixture.invoice("erp.csv", 3, customer: c[0], number: "NC-5", amount: -100, balance: -100)
        note.type = .creditNote
        var debit = Fixture.invoice("erp.csv", 4, customer: c[0], number: "ND-7", amount: 50, balance: 50)
        debit.type = .debitNote
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "5", amount: 1000, balance: 1000), note, debit]
        let payments = [Fixture.payment("banco.csv", 2, customer: c[0], invoice: "NC-5", amount: 100),
                        Fixture.payment("banco.csv", 3, customer: c[0], invoice: "ND-7", amount: 50)]
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: payments))
        let five = try #require(result.invoices.first { $0.documentNumber == "5" })
        #expect(five.balance == Money(1000, .usd))
        let seven = try #require(result.invoices.first { $0.documentNumber == "ND-7" })
        #expect(seven.balance == Money(0, .usd))
        #expect(result.payments.first { $0.invoiceNumber == "NC-5" }?.invoiceFound == false)
        #expect(result.payments.first { $0.invoiceNumber == "ND-7" }?.invoiceFound == true)
    }

    /// A collector's list giving the ERP's credit note `Nota de Crédito 5` as a payment with
    /// reference `NC-5` (the note's number with another word) is still that credit note listed
    /// again, not money received.
    @Test func aCreditNoteListedAsAPaymentWithoutItsWordCountsOnce() throws {
        let c = Fixture.tornillo
        var note = Fixture.invoice("erp.csv", 3, customer: c[0], number: "Nota de Crédito 5", amount: -300, balance: nil)
        note.type = .creditNote
        let invoices = [Fixture.invoice("erp.csv", 2, customer: c[0], number: "F-301", amount: 2000, balance: nil), note]
        var listed = Fixture.payment("cobranza.csv", 2, customer: c[0], invoice: "F-301", amount: 300)
        listed.reference = Sourced("NC-5", from: listed.provenance)
        let result = Reconciler().reconcile(Fixture.batch(c, invoices: invoices, payments: [listed]))
        let f301 = try #require(result.invoices.first { $0.documentNumber == "F-301" })
        #expect((f301.paid?.amount ?? 0) == 0)
        #expect(result.discrepancies.contains { $0.kind == "credit_note_as_payment" })
    }
}
