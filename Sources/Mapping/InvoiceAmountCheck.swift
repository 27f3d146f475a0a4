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
        self.init(type, amount, paid, balance, currency: \.currency) { a, b in Money.isGreater(a.amount, than: b?.amount ?? 0) }
    }

    /// The check of a plain row's amounts (the same rules on ``PlainAmount``s).
    init(type: Invoice.DocumentType, amount: PlainAmount?, paid: PlainAmount?, balance: PlainAmount?) {
        self.init(type, amount, paid, balance, currency: \.currency) { a, b in a.isGreater(than: b) }
    }

    /// `greater(a, b)`: `a > b`, exactly; `b` `nil`: `a > 0`.
    private init<Amount>(_ type: Invoice.DocumentType, _ amount: Amount?, _ paid: Amount?, _ balance: Amount?,
                         currency: (Amount) -> Currency?, greater: (Amount, Amount?) -> Bool) {
        // (Compared pairwise, not gathered in an array: this runs on every plain row.)
        let first = amount.flatMap(currency) ?? paid.flatMap(currency) ?? balance.flatMap(currency)
        func differs(_ c: Currency?) -> Bool { c != nil && c != first }
        mixedCurrencies = differs(paid.flatMap(currency)) || differs(balance.flatMap(currency))
        // (Not Foundation's `>` on `Decimal`s: it normalizes both, a cost every plain row paid.)
        guard type != .creditNote, let amount, greater(amount, nil) else { return }
        if let balance, currency(balance) == currency(amount), greater(balance, amount) { balanceExceedsAmount = true }
        if let paid, currency(paid) == currency(amount), greater(paid, amount) { paidExceedsAmount = true }
    }
}
