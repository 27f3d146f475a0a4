/// A credit note is a credit however a source signs it: `-50,00` in an ERP and `50.00` in a sheet
/// whose type column says `NC` are one credit of 50. Its amount, paid and balance are kept below
/// zero (zero stays zero); an invoice's and a debit note's figures stay as written. Reconciliation
/// compares and keeps a credit note's figures so, and `consolida import` writes them so.
extension Invoice.DocumentType {
    /// `money` as a document of this type carries it.
    public func signed(_ money: Money) -> Money {
        guard self == .creditNote, money.amount > 0 else { return money }
        return Money(-money.amount, money.currency)
    }

    /// ``signed(_:)-(Money)`` of a value kept as parts (a plain row's), to the same digits.
    public func signed(_ value: DecimalParts) -> DecimalParts {
        guard self == .creditNote, !value.negative, value.significand != 0 else { return value }
        return DecimalParts(negative: true, exponent: Int(value.exponent), significand: value.significand)
    }
}
