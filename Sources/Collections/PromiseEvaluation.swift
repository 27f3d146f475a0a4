import Foundation
import Receivables
import Reconcile
import Tabular

/// Whether a promise to pay was kept, and the payments that count towards it.
///
/// Rules (documented in the module README):
/// - The window opens on the day the promise was made (a payment that same day counts) and closes
///   on the promised date plus the grace days; an undated promise closes `undatedPromiseDays`
///   after it was made. Payments after the as-of date are ignored (they have not happened yet).
/// - Only the customer's payments in the promise's currency (else the customer's main currency)
///   count; payments in another currency are never added to it.
/// - **kept** when the counted payments reach the promised amount (any payment, when no amount was
///   promised) inside the window; **broken** when the window closed before the as-of date without
///   that; **pending** otherwise, and always for a promise not attached to a customer.
public struct PromiseEvaluation: Hashable, Sendable {
    /// The position of the promise in `ReconciliationResult.promises`.
    public var promiseIndex: Int
    public var customerID: String?
    public var status: PromiseToPay.Status
    /// The last day a payment keeps the promise (promised date + grace days).
    public var deadline: LocalDate
    public var currency: Currency?
    /// The promised amount (positive), when stated.
    public var promisedAmount: Decimal?
    /// Payments counted inside the window.
    public var paidInWindow: Decimal

    static func evaluate(index: Int, attached: ReconciliationResult.AttachedPromise,
                         payments: [ConsolidatedPayment], mainCurrency: Currency?,
                         settings: CollectionsSettings) -> PromiseEvaluation {
        let promise = attached.promise
        let deadline = (promise.promisedDate ?? promise.madeOn.adding(days: settings.undatedPromiseDays))
            .adding(days: settings.promiseGraceDays)
        let currency = promise.amount?.currency ?? mainCurrency
        let promised = promise.amount.map { abs($0.amount) }
        var paid: Decimal = 0
        var reachedBy: LocalDate?
        let windowEnd = min(deadline, settings.asOf)
        if attached.customerID != nil {
            let counted = payments
                .compactMap { p -> (LocalDate, Decimal)? in
                    guard let date = p.payment.date?.value, date >= promise.madeOn, date <= windowEnd,
                          (p.payment.amount.value.currency ?? currency) == currency else { return nil }
                    return (date, p.payment.amount.value.amount)
                }
                .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            for (date, amount) in counted {
                paid += amount
                if reachedBy == nil, paid > 0, paid >= (promised ?? 0) { reachedBy = date }
            }
        }
        let status: PromiseToPay.Status
        if attached.customerID == nil {
            status = .pending
        } else if reachedBy != nil {
            status = .kept
        } else if deadline < settings.asOf {
            status = .broken
        } else {
            status = .pending
        }
        return PromiseEvaluation(promiseIndex: index, customerID: attached.customerID, status: status,
                                 deadline: deadline, currency: currency, promisedAmount: promised,
                                 paidInWindow: paid)
    }
}
