import Foundation
import Receivables
import Reconcile
import Tabular

/// The collections view of a reconciliation result on an as-of date: aging of every document,
/// each customer's position, promise outcomes, the worklist and the metrics.
///
/// Everything is computed from the result alone, exactly (`Decimal`), per currency, and in a
/// deterministic order, so the same result always gives the same report.
public struct CollectionsReport: Hashable, Sendable {
    public var settings: CollectionsSettings
    /// Parallel to `ReconciliationResult.invoices` (same index).
    public var invoices: [InvoiceAging]
    /// One per consolidated customer, ordered by customer ID.
    public var customers: [CustomerPosition]
    /// Parallel to `ReconciliationResult.promises` (same index).
    public var promises: [PromiseEvaluation]
    public var worklist: [WorklistEntry]
    public var metrics: CollectionsMetrics

    /// The position of one customer, by ID.
    public func position(of customerID: String) -> CustomerPosition? {
        guard let i = positionIndex[customerID] else { return nil }
        return customers[i]
    }

    private var positionIndex: [String: Int]

    /// Outcomes of an attempt that reached nobody.
    static let unansweredOutcomes: Set<ContactEvent.Outcome> = [.noAnswer, .wrongNumber]

    public init(result: ReconciliationResult, settings: CollectionsSettings) {
        self.settings = settings
        let asOf = settings.asOf
        var customerByID: [String: ConsolidatedCustomer] = [:]
        for c in result.customers where customerByID[c.customerID] == nil { customerByID[c.customerID] = c }

        // Aging of every document.
        let aging = result.invoices.enumerated().map { i, invoice in
            InvoiceAging(invoiceIndex: i, invoice: invoice,
                         customerCurrency: customerByID[invoice.customerID]?.currency, settings: settings)
        }
        invoices = aging
        var agingByCustomer: [String: [InvoiceAging]] = [:]
        // A document issued after the as-of date is not owed yet on that date, as a payment after
        // it is not received yet (``Reconciler/asOf``): it is listed, but no balance counts it.
        for a in aging where !(result.invoices[a.invoiceIndex].issueDate.map { $0 > asOf } ?? false) {
            agingByCustomer[a.customerID, default: []].append(a)
        }

        // Contacts up to the as-of date: each works the debt; only one that reached the customer
        // is a contact (an unanswered call does not make a debt less urgent).
        var lastContact: [String: LocalDate] = [:], contactCount: [String: Int] = [:]
        var attempts: [String: [LocalDate]] = [:]
        for c in result.contacts {
            guard let id = c.customerID, c.event.date <= asOf else { continue }
            contactCount[id, default: 0] += 1
            if Self.unansweredOutcomes.contains(c.event.outcome) {
                attempts[id, default: []].append(c.event.date)
            } else {
                lastContact[id] = max(lastContact[id] ?? c.event.date, c.event.date)
            }
        }

        // Every customer ID that appears anywhere gets a position, even one missing from
        // `customers` (its documents must still be counted).
        var ids = Set(customerByID.keys)
        ids.formUnion(agingByCustomer.keys)
        let sortedIDs = ids.sorted()

        let mainCurrency: [String: Currency?] = Dictionary(uniqueKeysWithValues: sortedIDs.map { id in
            (id, CollectionsReport.mainCurrency(customer: customerByID[id], documents: agingByCustomer[id] ?? [],
                                                fallback: settings.defaultCurrency))
        })

        // Promises.
        var paymentsByCustomer: [String: [ConsolidatedPayment]] = [:]
        for p in result.payments { if let id = p.customerID { paymentsByCustomer[id, default: []].append(p) } }
        // Each customer's promises take its payments in the order they fall due (a payment counts once).
        var pools: [String: PromiseEvaluation.PaymentPool] = [:]
        var evaluated = [PromiseEvaluation?](repeating: nil, count: result.promises.count)
        let order = result.promises.indices.sorted { a, b in
            let (pa, pb) = (result.promises[a].promise, result.promises[b].promise)
            let (da, db) = (PromiseEvaluation.deadline(of: pa, settings: settings), PromiseEvaluation.deadline(of: pb, settings: settings))
            return (da, pa.madeOn, a) < (db, pb.madeOn, b)
        }
        for i in order {
            let attached = result.promises[i], id = attached.customerID
            var pool = id.flatMap { pools[$0] } ?? PromiseEvaluation.PaymentPool(id.flatMap { paymentsByCustomer[$0] } ?? [], asOf: asOf)
            evaluated[i] = PromiseEvaluation.evaluate(index: i, attached: attached, payments: &pool,
                                                      mainCurrency: id.flatMap { mainCurrency[$0] } ?? settings.defaultCurrency,
                                                      settings: settings)
            if let id { pools[id] = pool }
        }
        promises = evaluated.compactMap { $0 }
        var promiseCounts: [String: (kept: Int, broken: Int, pending: Int, next: LocalDate?)] = [:]
        for e in promises {
            // A promise made after the as-of date has not been made yet, as a contact after it has
            // not happened (QA: a backdated run waited for a promise made two months later).
            guard let id = e.customerID, result.promises[e.promiseIndex].promise.madeOn <= asOf else { continue }
            var c = promiseCounts[id] ?? (0, 0, 0, nil)
            switch e.status {
            case .kept: c.kept += 1
            case .broken: c.broken += 1
            case .pending:
                c.pending += 1
                c.next = min(c.next ?? e.deadline, e.deadline)
            }
            promiseCounts[id] = c
        }

        // Positions.
        var positions: [CustomerPosition] = []
        for id in sortedIDs {
            let docs = agingByCustomer[id] ?? []
            let main = mainCurrency[id] ?? nil
            var byCurrency: [Currency?: CurrencyPosition] = [main: CurrencyPosition(currency: main)]
            for d in docs { byCurrency[d.currency, default: CurrencyPosition(currency: d.currency)].add(d) }
            let others = byCurrency.values
                .filter { $0.currency != main && $0.openDocuments > 0 }
                .sorted { Currency?.precedes($0.currency, $1.currency) }
            let oldest = docs.filter { $0.openAmount > 0 }.compactMap(\.referenceDate).min()
            let counts = promiseCounts[id] ?? (0, 0, 0, nil)
            positions.append(CustomerPosition(
                customerID: id, name: customerByID[id]?.name ?? "", mainCurrency: main,
                main: byCurrency[main] ?? CurrencyPosition(currency: main), otherCurrencies: others,
                oldestDueDate: oldest, lastContactDate: lastContact[id], contactCount: contactCount[id] ?? 0,
                promisesKept: counts.kept, promisesBroken: counts.broken, promisesPending: counts.pending,
                nextPromiseDeadline: counts.next))
            let unanswered = (attempts[id] ?? []).filter { date in lastContact[id].map { date > $0 } ?? true }
            positions[positions.count - 1].unansweredSinceContact = unanswered.count
            positions[positions.count - 1].lastAttemptDate = unanswered.max()
        }
        customers = positions
        positionIndex = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1.customerID, $0) })
        worklist = WorklistBuilder.build(positions: positions, customers: customerByID, asOf: asOf)
        metrics = CollectionsReport.metrics(result: result, aging: aging, positions: positions,
                                            promises: promises, settings: settings)
    }

    /// See ``CustomerPosition/mainCurrency``.
    static func mainCurrency(customer: ConsolidatedCustomer?, documents: [InvoiceAging],
                             fallback: Currency?) -> Currency? {
        if let c = customer?.currency { return c }
        var open: [Currency: Int] = [:], any: [Currency] = []
        for d in documents {
            guard let c = d.currency else { continue }
            any.append(c)
            if !d.openAmount.isZero { open[c, default: 0] += 1 }
        }
        if let best = open.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first {
            return best.key
        }
        return any.min() ?? fallback
    }

    static func metrics(result: ReconciliationResult, aging: [InvoiceAging], positions: [CustomerPosition],
                        promises: [PromiseEvaluation], settings: CollectionsSettings) -> CollectionsMetrics {
        let asOf = settings.asOf
        let windowStart = asOf.adding(days: -settings.dsoWindowDays)

        var byCurrency: [Currency?: CurrencyMetrics] = [:]
        // What the customers who owe money owe: the overdue share's base. The book's balance nets
        // one customer's credit against another's debt, so with it the share could pass 100 %.
        var owedByDebtors: [Currency?: Decimal] = [:]
        func blank(_ c: Currency?) -> CurrencyMetrics {
            CurrencyMetrics(currency: c, receivables: 0, overdue: 0, overdueShare: nil, creditSales: 0, dso: nil,
                            buckets: [:], undated: 0, unworkedInvoices: 0, unworkedOverdue: 0)
        }
        // Balances come from the customers' positions so the book's overdue total is the sum of
        // the customers' overdue figures (credits applied per customer, never across customers).
        for p in positions {
            for c in p.allCurrencies where c.openDocuments > 0 {
                var m = byCurrency[c.currency] ?? blank(c.currency)
                m.receivables += c.balance
                if c.balance > 0 { owedByDebtors[c.currency, default: 0] += c.balance }
                m.overdue += c.overdue
                m.undated += c.undated
                for (bucket, amount) in c.buckets { m.buckets[bucket, default: 0] += amount }
                if p.contactCount == 0, c.overdue > 0 {
                    m.unworkedInvoices += c.overdueDocuments
                    m.unworkedOverdue += c.overdue
                }
                byCurrency[c.currency] = m
            }
        }
        for a in aging {
            let issued = result.invoices[a.invoiceIndex].issueDate
            guard let issued, issued > windowStart, issued <= asOf, let amount = a.amount else { continue }
            var m = byCurrency[a.currency] ?? blank(a.currency)
            m.creditSales += amount
            byCurrency[a.currency] = m
        }
        let currencies = byCurrency.values
            .map { m -> CurrencyMetrics in
                var m = m
                let owed = owedByDebtors[m.currency] ?? 0
                m.overdueShare = owed > 0 ? m.overdue.ratio(to: owed, scale: 4) : nil
                m.dso = m.creditSales > 0
                    ? (m.receivables * Decimal(settings.dsoWindowDays) / m.creditSales).rounded(scale: 1) : nil
                return m
            }
            .sorted { Currency?.precedes($0.currency, $1.currency) }

        let debtors = positions.filter(\.hasOverdue)
        let recent = debtors.filter { p in
            p.daysSinceLastContact(asOf: asOf).map { $0 <= settings.contactCoverageDays } ?? false
        }
        let unworked = debtors.filter { $0.contactCount == 0 }
        // A promise made after the as-of date has not been made yet (as the customers' positions count them).
        let made = promises.filter { result.promises[$0.promiseIndex].promise.madeOn <= asOf }
        let kept = made.filter { $0.status == .kept }.count
        let broken = made.filter { $0.status == .broken }.count
        let pending = made.filter { $0.status == .pending }.count
        return CollectionsMetrics(
            asOf: asOf, dsoWindowDays: settings.dsoWindowDays, contactCoverageDays: settings.contactCoverageDays,
            currencies: currencies, customersWithOverdue: debtors.count,
            customersWithOverdueContacted: recent.count,
            contactCoverage: Decimal(recent.count).ratio(to: Decimal(debtors.count), scale: 4),
            promisesKept: kept, promisesBroken: broken, promisesPending: pending,
            brokenPromiseRate: Decimal(broken).ratio(to: Decimal(kept + broken), scale: 4),
            unworkedCustomers: unworked.count,
            unworkedInvoices: currencies.reduce(0) { $0 + $1.unworkedInvoices })
    }
}
