import Foundation
import Receivables
import Reconcile
import Tabular

/// Hand-built reconciliation results: the smallest values that exercise one rule each.
enum Fx {
    static func date(_ iso: String) -> LocalDate {
        guard let d = LocalDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return d
    }

    static func money(_ text: String, _ currency: Currency? = .usd) -> Money {
        guard let m = Money(text, currency) else { preconditionFailure("bad test amount \(text)") }
        return m
    }

    static func prov(_ file: String = "erp.csv", row: Int = 2) -> Provenance {
        Provenance(SourceLocation(file: file, row: row))
    }

    static func customer(_ id: String, name: String? = nil, currency: Currency? = nil) -> ConsolidatedCustomer {
        ConsolidatedCustomer(customerID: id, name: name ?? "Cliente \(id)", currency: currency)
    }

    static func invoice(_ customer: String, _ number: String, type: Invoice.DocumentType = .invoice,
                        issued: String? = nil, due: String? = nil, amount: String? = nil, paid: String? = nil,
                        balance: String? = nil, currency: Currency? = .usd) -> ConsolidatedInvoice {
        ConsolidatedInvoice(customerID: customer, documentNumber: number, documentType: type,
                            issueDate: issued.map(date), dueDate: due.map(date), currency: currency,
                            amount: amount.map { money($0, currency) }, paid: paid.map { money($0, currency) },
                            balance: balance.map { money($0, currency) }, members: [RecordID("erp.csv#2")],
                            memberProvenance: [prov()], hasConflict: false)
    }

    static func payment(_ customer: String?, on day: String?, _ amount: String, currency: Currency? = .usd,
                        id: String = "bank.csv#2") -> ConsolidatedPayment {
        ConsolidatedPayment(customerID: customer, invoiceNumber: nil, invoiceFound: false,
                            payment: Payment(id: RecordID(id), date: day.map { Sourced(date($0)) },
                                             amount: Sourced(money(amount, currency)), provenance: prov("bank.csv")))
    }

    static func contact(_ customer: String?, on day: String, id: String = "notas.txt#L1",
                        outcome: ContactEvent.Outcome = .other) -> ReconciliationResult.AttachedContact {
        .init(customerID: customer, event: ContactEvent(id: RecordID(id), customer: nil, date: date(day),
                                                        channel: .call, outcome: outcome, text: "llamada",
                                                        provenance: Provenance(SourceLocation(file: "notas.txt", line: 1))))
    }

    static func promise(_ customer: String?, made: String, by: String?, amount: String?,
                        currency: Currency? = .usd) -> ReconciliationResult.AttachedPromise {
        .init(customerID: customer, promise: PromiseToPay(
            id: RecordID("chat.txt#L3"), customer: nil, madeOn: date(made), promisedDate: by.map(date),
            amount: amount.map { money($0, currency) }, text: "pago el viernes",
            provenance: Provenance(SourceLocation(file: "chat.txt", line: 3))))
    }

    static func result(customers: [ConsolidatedCustomer] = [], invoices: [ConsolidatedInvoice] = [],
                       payments: [ConsolidatedPayment] = [],
                       contacts: [ReconciliationResult.AttachedContact] = [],
                       promises: [ReconciliationResult.AttachedPromise] = []) -> ReconciliationResult {
        ReconciliationResult(customers: customers, invoices: invoices, payments: payments, contacts: contacts,
                             promises: promises, discrepancies: [], customerIDByRecord: [:])
    }
}
