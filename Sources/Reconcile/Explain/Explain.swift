import Foundation
import Receivables

/// A text report of why a consolidated customer looks the way it does: its members, for each
/// joined member the match waterfall (prior, every comparison's level and log2 Bayes factor,
/// final probability), where every consolidated value came from and which rule chose it, and
/// the discrepancies about it. `nil`-free: an unknown ID gives a one-line answer.
public func explain(customerID: String, in result: ReconciliationResult) -> String {
    guard let customer = result.customers.first(where: { $0.customerID == customerID }) else {
        return "No customer \(customerID) in this reconciliation.\n"
    }
    var out = "Customer \(customer.customerID): \(customer.name)\n"
    if let t = customer.taxID { out += "  tax ID \(t.display) (\(t.normalized), \(t.validity.rawValue))\n" }
    out += "  \(customer.members.count) member record\(customer.members.count == 1 ? "" : "s")\n\n"

    out += "Members\n"
    for m in customer.members {
        let how = m.matchRule == "seed" ? "seed (smallest record ID)"
            : "\(m.matchRule)" + (m.matchScore.map { ", probability " + format($0, 6) } ?? "")
        out += "  \(m.record.rawValue)  \(quote(m.sourceName))  [\(how)]\n"
    }

    let pairs = result.matchExplanations.filter { $0.customerID == customerID }
    for e in pairs {
        out += "\nMatch \(e.record.rawValue) ↔ \(e.partner.rawValue)  (rule: \(e.rule))\n"
        if e.contributions.isEmpty {
            out += e.rule == "identical" ? "  identical matching content (the same record repeated); no score needed\n"
                : e.rule == "previous_run" ? "  one customer in the previous run, and neither record changed since; no score needed\n"
                : "  joined by an override (must-link); no score needed\n"
            continue
        }
        let rows = e.contributions.map { c -> [String] in
            [c.comparison, c.level, (c.valueA ?? "∅") + " | " + (c.valueB ?? "∅"), signed(c.log2BayesFactor)
             + (c.termFrequencyAdjustment != 0 ? " (term frequency " + signed(c.termFrequencyAdjustment) + ")" : "")]
        }
        let w0 = max(10, rows.map { $0[0].count }.max() ?? 0), w1 = max(8, rows.map { $0[1].count }.max() ?? 0)
        let w2 = min(60, max(10, rows.map { $0[2].count }.max() ?? 0))
        out += "  " + pad("prior", w0) + "  " + pad("", w1) + "  " + pad("", w2) + "  " + signed(e.log2PriorOdds) + " bits\n"
        for r in rows { out += "  " + pad(r[0], w0) + "  " + pad(r[1], w1) + "  " + pad(String(r[2].prefix(60)), w2) + "  " + r[3] + "\n" }
        out += "  " + pad("total", w0) + "  " + pad("", w1) + "  " + pad("", w2) + "  " + signed(e.totalWeight ?? .infinity)
            + " bits → probability " + format(e.probability, 6) + "\n"
    }

    if !customer.decisions.isEmpty {
        out += "\nValues\n"
        for d in customer.decisions {
            out += "  \(d.field): \(quote(d.value))  from \(d.chosenFrom?.description ?? "all members")  by \(d.rule)\n"
        }
    }
    // Every decision a person forced on this customer's records, a cannot-link that kept records
    // out of it included (its members alone do not show what is missing).
    let overrides = result.overrides.filter { $0.customerIDs.contains { $0.contains(customerID) } }
    if !overrides.isEmpty {
        out += "\nOverrides\n"
        for o in overrides {
            let what = o.field.map { " \($0) = \(quote(o.value))" } ?? ""
            let others = Set(o.customerIDs.flatMap { $0 }).subtracting([customerID]).sorted()
            let effect = o.kind == .cannotLink && o.status == .applied && !others.isEmpty
                ? "; kept apart from " + others.joined(separator: ", ") : ""
            out += "  \(o.kind.rawValue) #\(o.position) [\(o.selectors.joined(separator: " | "))]\(what): \(o.status.rawValue)\(effect)\n"
        }
    }
    let related = result.discrepancies.filter { $0.entityID == customerID || $0.entityID.split(separator: "+").contains(Substring(customerID)) }
    if !related.isEmpty {
        out += "\nDiscrepancies\n"
        for d in related {
            out += "  \(d.id) \(d.severity.rawValue) \(d.kind) \(d.field): \(d.message)\n"
            for v in d.values { out += "      \(quote(v.value))  at \(v.provenance)\n" }
        }
    }
    for c in result.idChanges where c.customerID == customerID || c.currentIDs.contains(customerID) {
        out += "\nSince the previous run: \(c.kind.rawValue) of \(c.previousIDs.joined(separator: ", ")) → \(c.currentIDs.joined(separator: ", "))\n"
    }
    return out
}

private func quote(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "∅" }
private func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
private func format(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
private func signed(_ x: Double) -> String {
    if x == .infinity { return "+∞" }
    if x == -.infinity { return "-∞" }
    return (x >= 0 ? "+" : "") + String(format: "%.2f", x)
}
