import Foundation
import Receivables
import Reconcile
import Tabular

/// Builds the prioritized contact worklist from customer positions (see ``WorklistScore``).
///
/// Only customers with money past due in some currency are listed. Order: score descending, then
/// days overdue descending, then customer ID, so equal inputs always give the same list.
enum WorklistBuilder {
    static func build(positions: [CustomerPosition], customers: [String: ConsolidatedCustomer],
                      asOf: LocalDate) -> [WorklistEntry] {
        struct Candidate { var position: CustomerPosition; var focus: CurrencyPosition }
        let candidates: [Candidate] = positions.compactMap { p in
            guard p.hasOverdue else { return nil }
            // The figure to rank on: the main currency when it has overdue money, else the largest
            // overdue amount in another currency (ties by code, as currencies are ordered).
            let focus = p.main.overdue > 0 ? p.main
                : p.otherCurrencies.filter { $0.overdue > 0 }.max { $0.overdue < $1.overdue } ?? p.main
            return Candidate(position: p, focus: focus)
        }
        var overdueByCurrency: [Currency?: [Decimal]] = [:]
        for c in candidates { overdueByCurrency[c.focus.currency, default: []].append(c.focus.overdue) }
        for key in overdueByCurrency.keys { overdueByCurrency[key]?.sort() }

        var entries: [WorklistEntry] = candidates.map { c in
            let p = c.position
            let peers = overdueByCurrency[c.focus.currency] ?? [c.focus.overdue]
            let atOrBelow = countAtOrBelow(c.focus.overdue, in: peers)
            // How old the oldest overdue debt is, in any currency: days compare across currencies,
            // only money does not (QA: a 120-day-old debt in VES ranked as 1 day beside new USD).
            let oldest = p.allCurrencies.compactMap(\.maxDaysOverdue).max()
            let days = oldest ?? 0
            let sinceContact = p.daysSinceLastContact(asOf: asOf)
            let waiting = p.nextPromiseDeadline.map { $0 >= asOf } ?? false
            let score = WorklistScore(
                amount: 35 * atOrBelow / max(1, peers.count),
                age: 25 * min(max(days, 0), 180) / 180,
                brokenPromises: 5 * min(p.promisesBroken, 3),
                contact: sinceContact.map { 15 * min(max($0, 0), 60) / 60 } ?? 15,
                neverContacted: sinceContact == nil ? 10 : 0,
                waiting: waiting ? -20 : 0)
            let others = p.allCurrencies
                .filter { $0.currency != c.focus.currency && $0.overdue > 0 }
                .map { $0.overdueMoney }
            let customer = customers[p.customerID]
            return WorklistEntry(
                rank: 0, customerID: p.customerID, name: p.name, score: score,
                currency: c.focus.currency, overdue: c.focus.overdue,
                overdueDocuments: c.focus.overdueDocuments, otherOverdue: others,
                maxDaysOverdue: oldest, oldestDueDate: p.oldestDueDate,
                brokenPromises: p.promisesBroken, pendingPromises: p.promisesPending,
                nextPromiseDeadline: p.nextPromiseDeadline, lastContactDate: p.lastContactDate,
                daysSinceContact: sinceContact, phones: customer?.phones ?? [],
                salesperson: customer?.salesperson,
                reason: reason(focus: c.focus, others: others, position: p, sinceContact: sinceContact,
                               waiting: waiting))
        }
        entries.sort { a, b in
            if a.score.total != b.score.total { return a.score.total > b.score.total }
            let da = a.maxDaysOverdue ?? 0, db = b.maxDaysOverdue ?? 0
            if da != db { return da > db }
            return a.customerID < b.customerID
        }
        for i in entries.indices { entries[i].rank = i + 1 }
        return entries
    }

    /// How many values of an ascending array are ≤ `value` (binary search: debtors can be many).
    static func countAtOrBelow(_ value: Decimal, in sorted: [Decimal]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `Debe USD 1200.00 vencido en 2 documentos (el más antiguo con 95 días de atraso);
    /// 1 promesa incumplida; nunca contactado.`
    static func reason(focus: CurrencyPosition, others: [Money], position p: CustomerPosition,
                       sinceContact: Int?, waiting: Bool) -> String {
        var parts: [String] = []
        let docs = focus.overdueDocuments == 1 ? "1 documento" : "\(focus.overdueDocuments) documentos"
        var owed = "Debe \(focus.overdueMoney.description) vencido en \(docs)"
        if let days = focus.maxDaysOverdue { owed += oldest(days) }
        parts.append(owed)
        if !others.isEmpty {
            var also = "también vencido: " + others.map(\.description).joined(separator: ", ")
            let othersOldest = p.allCurrencies.filter { $0.currency != focus.currency }.compactMap(\.maxDaysOverdue).max()
            if let days = othersOldest, days > (focus.maxDaysOverdue ?? 0) { also += oldest(days) }
            parts.append(also)
        }
        if p.promisesBroken > 0 {
            parts.append(p.promisesBroken == 1 ? "1 promesa de pago incumplida"
                         : "\(p.promisesBroken) promesas de pago incumplidas")
        }
        if waiting, let deadline = p.nextPromiseDeadline {
            parts.append("tiene una promesa pendiente hasta el \(deadline.iso)")
        }
        switch sinceContact {
        case nil: parts.append("nunca contactado")
        case 0?: parts.append("contactado hoy")
        case 1?: parts.append("último contacto hace 1 día")
        case let d?: parts.append("último contacto hace \(d) días")
        }
        if p.unansweredSinceContact > 0, let last = p.lastAttemptDate {
            let n = p.unansweredSinceContact
            parts.append((n == 1 ? "1 intento sin respuesta" : "\(n) intentos sin respuesta") + " (el último el \(last.iso))")
        }
        return parts.joined(separator: "; ") + "."
    }

    /// ` (el más antiguo con 95 días de atraso)`.
    private static func oldest(_ days: Int) -> String {
        days == 1 ? " (el más antiguo con 1 día de atraso)" : " (el más antiguo con \(days) días de atraso)"
    }
}
