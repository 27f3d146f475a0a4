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
/// - A payment counts once: a customer's promises take their payments in the order they fall due
///   (``PaymentPool``), each taking what it promised (a promise without an amount, the whole of
///   the first payment it meets), so one payment of 500 does not keep both a promise of 300 and
///   one of 500.
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
    /// Payments counted towards it inside the window (what is left of each once earlier-due
    /// promises took their share).
    public var paidInWindow: Decimal

    /// A customer's payments, each with what earlier-due promises have not taken of it, in date
    /// order (then amount, then record).
    ///
    /// A reversal (a negative payment: a bounced cheque, a returned transfer) dated on or before
    /// the as-of date takes back what it reverses before any promise counts it: the earlier
    /// payment of the same amount and currency, else the latest earlier payments in its currency.
    /// Money that did not stay keeps no promise, whenever it bounced.
    struct PaymentPool {
        var entries: [(date: LocalDate, currency: Currency?, left: Decimal)]

        init(_ payments: [ConsolidatedPayment], asOf: LocalDate) {
            let dated = payments.compactMap { p -> (date: LocalDate, currency: Currency?, left: Decimal, id: RecordID)? in
                guard let date = p.payment.date?.value, !p.payment.amount.value.amount.isZero else { return nil }
                return (date, p.payment.amount.value.currency, p.payment.amount.value.amount, p.payment.id)
            }
            // A day's payments before its reversals: a cheque that bounced the day it came in.
            .sorted { ($0.date, $0.left < 0 ? 1 : 0, $0.left, $0.id) < ($1.date, $1.left < 0 ? 1 : 0, $1.left, $1.id) }
            var kept: [(date: LocalDate, currency: Currency?, left: Decimal)] = []
            for p in dated {
                if p.left > 0 { kept.append((p.date, p.currency, p.left)); continue }
                guard p.date <= asOf else { continue }
                Self.reverse(-p.left, currency: p.currency, in: &kept)
            }
            entries = kept.filter { $0.left > 0 }
        }

        /// Takes `amount` back from the payments before it in `currency`: one of exactly that
        /// amount if any (the latest), else the latest ones first.
        private static func reverse(_ amount: Decimal, currency: Currency?,
                                    in kept: inout [(date: LocalDate, currency: Currency?, left: Decimal)]) {
            let same = kept.indices.reversed().filter { kept[$0].currency == currency }
            if let exact = same.first(where: { kept[$0].left == amount }) {
                kept[exact].left = 0
                return
            }
            var left = amount
            for k in same where left > 0 {
                let taken = min(left, kept[k].left)
                kept[k].left -= taken
                left -= taken
            }
        }
    }

    /// The deadline of a promise: the promised date (or, undated, the day it was made plus
    /// `undatedPromiseDays`) plus the grace days.
    static func deadline(of promise: PromiseToPay, settings: CollectionsSettings) -> LocalDate {
        (promise.promisedDate ?? promise.madeOn.adding(days: settings.undatedPromiseDays)).adding(days: settings.promiseGraceDays)
    }

    static func evaluate(index: Int, attached: ReconciliationResult.AttachedPromise,
                         payments pool: inout PaymentPool, mainCurrency: Currency?,
                         settings: CollectionsSettings) -> PromiseEvaluation {
        let promise = attached.promise
        let deadline = Self.deadline(of: promise, settings: settings)
        let currency = promise.amount?.currency ?? mainCurrency
        let promised = promise.amount.map { abs($0.amount) }
        var paid: Decimal = 0
        var reachedBy: LocalDate?
        let windowEnd = min(deadline, settings.asOf)
        if attached.customerID != nil {
            for k in pool.entries.indices where reachedBy == nil {
                let e = pool.entries[k]
                guard e.left > 0, e.date >= promise.madeOn, e.date <= windowEnd, (e.currency ?? currency) == currency else {
                    continue
                }
                // What the promise still needs, or (no amount promised) the whole payment.
                let taken = promised.map { min(e.left, $0 - paid) } ?? e.left
                pool.entries[k].left -= taken
                paid += taken
                if paid > 0, paid >= (promised ?? 0) { reachedBy = e.date }
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
