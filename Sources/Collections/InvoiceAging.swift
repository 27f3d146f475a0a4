import Foundation
import Receivables
import Reconcile
import Tabular

/// The collections view of one consolidated document on the as-of date.
///
/// Amounts are signed so that summing them gives what the customer owes: a credit note's open
/// amount is negative whatever sign its source wrote.
public struct InvoiceAging: Hashable, Sendable {
    /// The position of the document in `ReconciliationResult.invoices`.
    public var invoiceIndex: Int
    public var customerID: String
    public var documentNumber: String
    public var documentType: Invoice.DocumentType
    /// The document's currency, else its customer's, else the configured default; `nil` if unknown.
    public var currency: Currency?
    /// The signed document total (credit notes negative), when known.
    public var amount: Decimal?
    /// What is still owed (credit notes negative): the stated balance, else amount − paid, else
    /// the amount (a document with no payment information is taken as unpaid).
    public var openAmount: Decimal
    /// The due date, or the issue date when the document has no due date.
    public var referenceDate: LocalDate?
    /// As-of date − reference date in days; negative when not yet due. `nil` when the document is
    /// settled (open amount zero) or has no date, because then it cannot be aged.
    public var daysOverdue: Int?
    /// `nil` exactly when `daysOverdue` is `nil`.
    public var bucket: AgingBucket?

    /// Whether an open amount sits in a past-due bucket.
    public var isOverdue: Bool { bucket?.isOverdue ?? false }

    public init(invoiceIndex: Int, invoice: ConsolidatedInvoice, customerCurrency: Currency?,
                settings: CollectionsSettings) {
        self.invoiceIndex = invoiceIndex
        customerID = invoice.customerID
        documentNumber = invoice.documentNumber
        documentType = invoice.documentType
        currency = invoice.currency ?? invoice.balance?.currency ?? invoice.amount?.currency
            ?? customerCurrency ?? settings.defaultCurrency
        let sign: (Decimal) -> Decimal = { value in
            invoice.documentType == .creditNote ? -abs(value) : value
        }
        amount = invoice.amount.map { sign($0.amount) }
        if let balance = invoice.balance {
            openAmount = sign(balance.amount)
        } else if let total = invoice.amount, let paid = invoice.paid {
            openAmount = invoice.documentType == .creditNote
                ? -(abs(total.amount) - abs(paid.amount)) : total.amount - paid.amount
        } else {
            openAmount = amount ?? 0
        }
        referenceDate = invoice.dueDate ?? invoice.issueDate
        if let referenceDate, !openAmount.isZero {
            let days = settings.asOf.daysSinceEpoch - referenceDate.daysSinceEpoch
            daysOverdue = days
            bucket = AgingBucket(daysOverdue: days)
        } else {
            daysOverdue = nil
            bucket = nil
        }
    }
}
