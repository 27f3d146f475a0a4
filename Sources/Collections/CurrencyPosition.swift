import Foundation
import Receivables
import Tabular

/// Open and overdue money in one currency, for a customer or for the whole book.
///
/// Amounts of different currencies are never added: a customer who owes in two currencies has two
/// positions, and only the one in its main currency fills the balance columns of `customers.csv`.
public struct CurrencyPosition: Hashable, Sendable {
    /// `nil` for documents whose currency is unknown (kept apart rather than guessed).
    public var currency: Currency?
    /// Sum of open amounts (credit notes subtract).
    public var balance: Decimal = 0
    /// Open amounts that cannot be aged because the document has no date.
    public var undated: Decimal = 0
    /// Open amount per bucket (buckets with no documents are absent).
    public var buckets: [AgingBucket: Decimal] = [:]
    /// Documents with a non-zero open amount.
    public var openDocuments = 0
    /// The debts (positive open amounts) in past-due buckets, oldest first (equal ages, larger
    /// first), whatever order they were added in.
    private var pastDueDebts: [PastDueDebt] = []
    /// Every unapplied credit (negative open amounts: credit notes, overpaid documents), whatever
    /// its own date or bucket; zero or below.
    private var credits: Decimal = 0

    private struct PastDueDebt: Hashable, Sendable {
        var days: Int
        var amount: Decimal

        /// Whether `self` is applied a credit before `other`.
        func precedes(_ other: PastDueDebt) -> Bool { (days, amount) > (other.days, other.amount) }
    }

    public init(currency: Currency?) { self.currency = currency }

    /// Open amount in one bucket, zero when none.
    public func amount(in bucket: AgingBucket) -> Decimal { buckets[bucket] ?? 0 }

    /// What is past due once unapplied credits are applied to the oldest debts: never more than
    /// the whole balance and never below zero. A customer whose credit note cancels an old invoice
    /// owes nothing overdue, however recent the credit note or whatever due date its source gave
    /// it (an overpaid invoice not yet due is such a credit too).
    public var overdue: Decimal { max(0, min(stillPastDue.reduce(0) { $0 + $1.amount }, balance)) }
    /// The past-due debts still owed once credits are applied to the oldest first.
    public var overdueDocuments: Int { stillPastDue.count }
    /// The largest days overdue among the past-due debts still owed.
    public var maxDaysOverdue: Int? { stillPastDue.map(\.days).max() }

    /// The past-due debts, oldest first, each less what the credits cover of it; those fully
    /// covered left out.
    private var stillPastDue: [PastDueDebt] {
        var left = -credits
        var owed: [PastDueDebt] = []
        for debt in pastDueDebts {
            let covered = min(left, debt.amount)
            left -= covered
            if debt.amount > covered { owed.append(PastDueDebt(days: debt.days, amount: debt.amount - covered)) }
        }
        return owed
    }

    /// Adds one document's aging.
    public mutating func add(_ aging: InvoiceAging) {
        guard !aging.openAmount.isZero else { return }
        balance += aging.openAmount
        openDocuments += 1
        if aging.openAmount < 0 { credits += aging.openAmount }
        guard let bucket = aging.bucket else {
            undated += aging.openAmount
            return
        }
        buckets[bucket, default: 0] += aging.openAmount
        // Credit notes net against the overdue amount but are not debts to chase.
        if bucket.isOverdue, aging.openAmount > 0, let days = aging.daysOverdue {
            let debt = PastDueDebt(days: days, amount: aging.openAmount)
            pastDueDebts.insert(debt, at: pastDueDebts.firstIndex { debt.precedes($0) } ?? pastDueDebts.endIndex)
        }
    }

    /// `Money` view of the balance, for text that names the currency.
    public var balanceMoney: Money { Money(balance, currency) }
    public var overdueMoney: Money { Money(overdue, currency) }
}

extension Optional where Wrapped == Currency {
    /// Orders unknown currency first, then by ISO code: the order every output lists currencies in.
    static func precedes(_ a: Currency?, _ b: Currency?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x < y
        }
    }
}
