import Receivables

/// What an invoice row's own amounts say against each other: a balance or a paid amount larger
/// than the document's total is most likely a typo or swapped columns (`Importe 1.000,00`,
/// `Pendiente 1.500,00`). The row is imported as written, with a warning on the cell
/// (`MAP-BALANCE-EXCEEDS-AMOUNT`, `MAP-PAID-EXCEEDS-AMOUNT`).
///
/// Both import paths ask it: the record path raises the warnings, and a plain row
/// (``PlainInvoiceRow``) that calls for one goes the record path instead, so both say the same.
struct InvoiceAmountCheck {
    /// The balance still owed is more than the document's total.
    var balanceExceedsAmount = false
    /// More was paid than the document's total.
    var paidExceedsAmount = false

    /// Two of the figures name different currencies (`Bs. 3.650,00` beside `USD 50,00`).
    var mixedCurrencies = false

    /// Whether the row calls for a warning.
    var callsForWarning: Bool { balanceExceedsAmount || paidExceedsAmount || mixedCurrencies }

    /// Compares only a document with a positive total that is not a credit note (a credit note's
    /// total may be written negative or positive, and its balance is the customer's credit), and
    /// only amounts in the same currency as the total (another currency's figure is no bound).
    init(type: Invoice.DocumentType, amount: Money?, paid: Money?, balance: Money?) {
        // (Compared pairwise, not gathered in an array: this runs on every plain row.)
        let first = amount?.currency ?? paid?.currency ?? balance?.currency
        func differs(_ c: Currency?) -> Bool { c != nil && c != first }
        mixedCurrencies = differs(paid?.currency) || differs(balance?.currency)
        // (`Money.isGreater`: Foundation's `>` normalizes both decimals, a cost every plain row paid.)
        guard type != .creditNote, let amount, Money.isGreater(amount.amount, than: 0) else { return }
        if let balance, balance.currency == amount.currency, Money.isGreater(balance.amount, than: amount.amount) {
            balanceExceedsAmount = true
        }
        if let paid, paid.currency == amount.currency, Money.isGreater(paid.amount, than: amount.amount) {
            paidExceedsAmount = true
        }
    }
}
