import Foundation
import Receivables
import Reconcile
import Tabular

/// A consolidated customer's collections figures on the as-of date.
public struct CustomerPosition: Hashable, Sendable {
    public var customerID: String
    public var name: String
    /// The customer's own currency when reconciliation set one; else the currency of most of its
    /// open documents (ties: alphabetical); else of any document; else the default currency.
    public var mainCurrency: Currency?
    /// The position in the main currency (zero when it owes nothing there).
    public var main: CurrencyPosition
    /// Positions in every other currency with open documents, ordered by code (unknown first).
    public var otherCurrencies: [CurrencyPosition]
    /// The earliest due date (issue date when there is no due date) among documents that still owe
    /// money, in any currency: a date is comparable across currencies, money is not.
    public var oldestDueDate: LocalDate?
    /// The latest contact on or before the as-of date that reached the customer: an unanswered
    /// call or a wrong number is an attempt, no contact (``unansweredSinceContact``).
    public var lastContactDate: LocalDate?
    /// Contact events on or before the as-of date, attempts included: the customer's debt was
    /// worked.
    public var contactCount: Int
    /// Attempts that reached nobody (`no_answer`, `wrong_number`) after the last contact (all of
    /// them when there was none), and the latest one's date.
    public var unansweredSinceContact = 0
    public var lastAttemptDate: LocalDate?
    public var promisesKept: Int
    public var promisesBroken: Int
    public var promisesPending: Int
    /// The earliest deadline among pending promises (a collector waits for it before calling).
    public var nextPromiseDeadline: LocalDate?

    /// Every currency position, main first.
    public var allCurrencies: [CurrencyPosition] { [main] + otherCurrencies }

    /// Whether anything is past due in any currency.
    public var hasOverdue: Bool { allCurrencies.contains { $0.overdue > 0 } }

    /// Days since the last contact on the as-of date; `nil` when never contacted.
    public func daysSinceLastContact(asOf: LocalDate) -> Int? {
        lastContactDate.map { asOf.daysSinceEpoch - $0.daysSinceEpoch }
    }
}
