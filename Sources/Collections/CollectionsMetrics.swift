import Foundation
import Receivables
import Tabular

/// Money metrics of one currency (never mixed with another).
public struct CurrencyMetrics: Hashable, Sendable {
    public var currency: Currency?
    /// Total open balance (credit notes subtract).
    public var receivables: Decimal
    public var overdue: Decimal
    /// overdue ÷ what the customers with a debit balance owe (0…1, 4 decimals; one customer's
    /// credit does not shrink the base, as it shrinks `receivables`); `nil` when nothing is owed.
    public var overdueShare: Decimal?
    /// Signed totals of documents issued in the DSO window (as-of − window, as-of].
    public var creditSales: Decimal
    /// Days sales outstanding: receivables ÷ credit sales × window days (1 decimal); `nil` when
    /// there were no sales in the window.
    public var dso: Decimal?
    /// Open money per bucket (for the aging chart), and open money without a date.
    public var buckets: [AgingBucket: Decimal]
    public var undated: Decimal
    /// Overdue documents of customers with no contact event at all, and their open amount.
    public var unworkedInvoices: Int
    public var unworkedOverdue: Decimal
}

/// The collections metrics of the whole book on the as-of date.
public struct CollectionsMetrics: Hashable, Sendable {
    public var asOf: LocalDate
    public var dsoWindowDays: Int
    public var contactCoverageDays: Int
    /// One entry per currency with documents, ordered by code (unknown currency first).
    public var currencies: [CurrencyMetrics]
    /// Customers with money past due in any currency.
    public var customersWithOverdue: Int
    /// Of those, contacted within `contactCoverageDays` before the as-of date.
    public var customersWithOverdueContacted: Int
    /// customersWithOverdueContacted ÷ customersWithOverdue (4 decimals); `nil` with no debtors.
    public var contactCoverage: Decimal?
    public var promisesKept: Int
    public var promisesBroken: Int
    public var promisesPending: Int
    /// broken ÷ (kept + broken) (4 decimals); `nil` while no promise is resolved.
    public var brokenPromiseRate: Decimal?
    /// Debts nobody has worked: customers with money past due and no contact event at all, and
    /// the number of their overdue documents.
    public var unworkedCustomers: Int
    public var unworkedInvoices: Int
}

extension Decimal {
    /// Half-even rounding to `scale` decimals, as accounting does.
    func rounded(scale: Int) -> Decimal {
        var input = self, result = Decimal()
        NSDecimalRound(&result, &input, scale, .bankers)
        return result
    }

    /// self ÷ other rounded to `scale` decimals; `nil` when other is zero.
    func ratio(to other: Decimal, scale: Int) -> Decimal? {
        other.isZero ? nil : (self / other).rounded(scale: scale)
    }
}
