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
    /// Sum of open amounts in past-due buckets, credit notes included by their own date.
    public var pastDueGross: Decimal = 0
    /// What is past due once unapplied credits are applied to the oldest debts: the gross past-due
    /// amount, but never more than the whole balance and never below zero. A customer whose credit
    /// note cancels an old invoice owes nothing overdue, even if the credit note is recent.
    public var overdue: Decimal { max(0, min(pastDueGross, balance)) }
    /// Open amounts that cannot be aged because the document has no date.
    public var undated: Decimal = 0
    /// Open amount per bucket (buckets with no documents are absent).
    public var buckets: [AgingBucket: Decimal] = [:]
    /// Documents with a non-zero open amount, and debts (positive open amounts) past due.
    public var openDocuments = 0
    public var overdueDocuments = 0
    /// The largest days overdue among past-due positive debts.
    public var maxDaysOverdue: Int?

    public init(currency: Currency?) { self.currency = currency }

    /// Open amount in one bucket, zero when none.
    public func amount(in bucket: AgingBucket) -> Decimal { buckets[bucket] ?? 0 }

    /// Adds one document's aging.
    public mutating func add(_ aging: InvoiceAging) {
        guard !aging.openAmount.isZero else { return }
        balance += aging.openAmount
        openDocuments += 1
        guard let bucket = aging.bucket else {
            undated += aging.openAmount
            return
        }
        buckets[bucket, default: 0] += aging.openAmount
        if bucket.isOverdue {
            pastDueGross += aging.openAmount
            // Credit notes net against the overdue amount but are not debts to chase.
            if aging.openAmount > 0, let days = aging.daysOverdue {
                overdueDocuments += 1
                maxDaysOverdue = max(maxDaysOverdue ?? days, days)
            }
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
