import Collections
import Foundation
import Receivables
import Reconcile
import Store

/// What changed between two runs (`consolida diff`): customers that appeared, disappeared,
/// merged or split, and balances that moved.
public struct RunDiff: Codable, Sendable, Equatable {
    public struct Merge: Codable, Sendable, Equatable {
        /// The customer the records are in now.
        public var customerID: String
        /// The customers they were spread over before.
        public var from: [String]

        enum CodingKeys: String, CodingKey { case customerID = "customer_id", from }
    }

    public struct Split: Codable, Sendable, Equatable {
        /// The customer the records were in before.
        public var customerID: String
        /// The customers they are spread over now.
        public var into: [String]

        enum CodingKeys: String, CodingKey { case customerID = "customer_id", into }
    }

    public struct BalanceChange: Codable, Sendable, Equatable {
        /// `customer` or `invoice`.
        public var entity: String
        public var id: String
        public var currency: String
        public var before: String
        public var after: String
    }

    /// A document now under another customer (its customer merged, split, or corrected at the
    /// source): neither gone nor new.
    public struct Move: Codable, Sendable, Equatable {
        /// The document in the earlier run and in the later one (`customer/type/number`).
        public var from: String
        public var to: String
    }

    public struct Rename: Codable, Sendable, Equatable {
        public var customerID: String
        public var before: String
        public var after: String

        enum CodingKeys: String, CodingKey { case customerID = "customer_id", before, after }
    }

    public struct SourceProblem: Codable, Sendable, Equatable {
        public var file: String
        public var error: String
    }

    public var fromRun: Int64
    public var toRun: Int64
    /// Sources the later run could not read, wholly or in part: what they held shows as gone
    /// without being settled.
    public var unreadSources: [SourceProblem]
    public var addedCustomers: [String]
    public var removedCustomers: [String]
    public var merges: [Merge]
    public var splits: [Split]
    public var addedInvoices: [String]
    public var removedInvoices: [String]
    public var movedInvoices: [Move]
    public var balanceChanges: [BalanceChange]
    /// Customers in both runs whose chosen name changed.
    public var renamedCustomers: [Rename]
    /// Payments (by customer, date, amount, currency and reference) only in the later run, or only
    /// in the earlier one.
    public var addedPayments: [String]
    public var removedPayments: [String]
    /// Discrepancy IDs (`D-…  kind`) only in the later run (new), or only in the earlier (resolved).
    public var newDiscrepancies: [String]
    public var resolvedDiscrepancies: [String]

    enum CodingKeys: String, CodingKey {
        case fromRun = "from_run", toRun = "to_run", unreadSources = "unread_sources", addedCustomers = "added_customers"
        case removedCustomers = "removed_customers", merges, splits, addedInvoices = "added_invoices"
        case removedInvoices = "removed_invoices", movedInvoices = "moved_invoices", balanceChanges = "balance_changes"
        case renamedCustomers = "renamed_customers", addedPayments = "added_payments", removedPayments = "removed_payments"
        case newDiscrepancies = "new_discrepancies", resolvedDiscrepancies = "resolved_discrepancies"
    }

    public var isEmpty: Bool {
        unreadSources.isEmpty && addedCustomers.isEmpty && removedCustomers.isEmpty && merges.isEmpty && splits.isEmpty
            && addedInvoices.isEmpty && removedInvoices.isEmpty && movedInvoices.isEmpty && balanceChanges.isEmpty && renamedCustomers.isEmpty
            && addedPayments.isEmpty && removedPayments.isEmpty && newDiscrepancies.isEmpty && resolvedDiscrepancies.isEmpty
    }

    public init(from old: RunSnapshot, to new: RunSnapshot) {
        fromRun = old.runID
        toRun = new.runID
        let summary = new.importSummary.flatMap { try? JSONDecoder().decode(ImportSummary.self, from: $0) }
        unreadSources = (summary?.sources ?? []).compactMap { s in s.error.map { SourceProblem(file: s.file, error: $0) } }
            .sorted { $0.file < $1.file }
        let oldIDs = Set(old.result.customers.map(\.customerID)), newIDs = Set(new.result.customers.map(\.customerID))
        addedCustomers = newIDs.subtracting(oldIDs).sorted()
        removedCustomers = oldIDs.subtracting(newIDs).sorted()

        // Records present in both runs tell merges and splits apart from additions: known by what
        // they say (RecordIdentity), so rows sorted again or shifted by an insertion are the same
        // records; a record that says nothing is known by its row.
        let before = Self.customerIDs(old), after = Self.customerIDs(new)
        var newToOld: [String: Set<String>] = [:], oldToNew: [String: Set<String>] = [:]
        for (record, newID) in after {
            guard let oldID = before[record] else { continue }
            newToOld[newID, default: []].insert(oldID)
            oldToNew[oldID, default: []].insert(newID)
        }
        var mergedFrom = newToOld.filter { $0.value.count > 1 }
        splits = oldToNew.filter { $0.value.count > 1 }
            .map { Split(customerID: $0.key, into: $0.value.sorted()) }.sorted { $0.customerID < $1.customerID }

        // Balances as each run's outputs state them (``CollectionsReport``): a document with no
        // balance or payment written is owed whole, a credit note subtracts, and a customer's
        // balance leaves out documents issued after the run's as-of date.
        let oldReport = Self.collections(old), newReport = Self.collections(new)
        let oldInvoices = Self.openInvoices(old.result, oldReport), newInvoices = Self.openInvoices(new.result, newReport)
        var added = Set(newInvoices.keys).subtracting(oldInvoices.keys)
        var removed = Set(oldInvoices.keys).subtracting(newInvoices.keys)
        movedInvoices = Self.moves(removed: removed, added: added, oldToNew: oldToNew)
        var changes: [BalanceChange] = []
        for move in movedInvoices {
            added.remove(move.to); removed.remove(move.from)
            guard let a = newInvoices[move.to], let b = oldInvoices[move.from], a != b else { continue }
            changes.append(BalanceChange(entity: "invoice", id: move.to, currency: a.currency?.code ?? "",
                                         before: b.plainText, after: a.plainText))
        }
        addedInvoices = added.sorted()
        removedInvoices = removed.sorted()
        for (key, a) in newInvoices {
            guard let b = oldInvoices[key], a != b else { continue }
            changes.append(BalanceChange(entity: "invoice", id: key, currency: a.currency?.code ?? "",
                                         before: b.plainText, after: a.plainText))
        }
        // A customer gone whose every document is now another's that was there before: merged into
        // it (a duplicate corrected at the source no longer tells its records apart), not gone.
        var movedTo: [String: Set<String>] = [:]
        for move in movedInvoices { movedTo[Self.customer(of: move.from), default: []].insert(Self.customer(of: move.to)) }
        let stillOwning = Set(removed.map(Self.customer(of:)))
        for gone in removedCustomers where !stillOwning.contains(gone) {
            guard let targets = movedTo[gone], targets.count == 1, let target = targets.first, oldIDs.contains(target)
            else { continue }
            mergedFrom[target, default: [target]].insert(gone)
        }
        let mergedAway = Set(mergedFrom.values.flatMap { $0 })
        removedCustomers.removeAll { mergedAway.contains($0) && !newIDs.contains($0) }
        merges = mergedFrom.map { Merge(customerID: $0.key, from: $0.value.sorted()) }.sorted { $0.customerID < $1.customerID }
        let oldTotals = Self.customerBalances(oldReport), newTotals = Self.customerBalances(newReport)
        for key in Set(oldTotals.keys).union(newTotals.keys) {
            let b = oldTotals[key], a = newTotals[key]
            guard (b ?? 0) != (a ?? 0), oldIDs.contains(key.customer), newIDs.contains(key.customer) else { continue }
            let currency = Currency(code: key.currency)
            changes.append(BalanceChange(entity: "customer", id: key.customer, currency: key.currency,
                                         before: Money(b ?? 0, currency).plainText, after: Money(a ?? 0, currency).plainText))
        }
        balanceChanges = changes.sorted { ($0.entity, $0.id, $0.currency) < ($1.entity, $1.id, $1.currency) }

        let oldNames = Dictionary(old.result.customers.map { ($0.customerID, $0.name) }, uniquingKeysWith: { a, _ in a })
        renamedCustomers = new.result.customers.compactMap { c in
            guard let before = oldNames[c.customerID], before != c.name else { return nil }
            return Rename(customerID: c.customerID, before: before, after: c.name)
        }.sorted { $0.customerID < $1.customerID }
        // Alike payments (two transfers of one amount on one day, no reference) counted, not merged.
        func keys(_ payments: [ConsolidatedPayment]) -> Set<String> {
            var seen: [String: Int] = [:]
            return Set(payments.map(Self.paymentKey).sorted().map { key in
                seen[key, default: 0] += 1
                return seen[key]! == 1 ? key : key + " (\(seen[key]!))"
            })
        }
        let oldPayments = keys(old.result.payments), newPayments = keys(new.result.payments)
        addedPayments = newPayments.subtracting(oldPayments).sorted()
        removedPayments = oldPayments.subtracting(newPayments).sorted()
        func labelled(_ r: ReconciliationResult) -> Set<String> { Set(r.discrepancies.map { $0.id + " " + $0.kind }) }
        let oldDiscrepancies = labelled(old.result), newDiscrepanciesSet = labelled(new.result)
        newDiscrepancies = newDiscrepanciesSet.subtracting(oldDiscrepancies).sorted()
        resolvedDiscrepancies = oldDiscrepancies.subtracting(newDiscrepanciesSet).sorted()
    }

    /// A payment as people tell it apart: whose, when, how much and its reference.
    static func paymentKey(_ p: ConsolidatedPayment) -> String {
        [p.customerID ?? "?", p.payment.date?.value.iso ?? "", p.payment.amount.value.plainText,
         p.payment.amount.value.currency?.code ?? "", p.payment.reference?.value ?? ""].joined(separator: "/")
    }

    struct CustomerCurrency: Hashable { var customer: String; var currency: String }

    /// The customer ID of each source record of a run, by the record's identity key, or by its
    /// record ID when it has none (of records of one key in different customers, the smallest's).
    static func customerIDs(_ run: RunSnapshot) -> [String: String] {
        IDMap.idsByRecordIdentity(run.batch.customers, ids: run.result.customerIDByRecord, withoutIdentity: true)
    }

    /// A run's collections view, with the settings it wrote its outputs with (the defaults on its
    /// as-of date for a run saved before the store kept them).
    static func collections(_ run: RunSnapshot) -> CollectionsReport {
        CollectionsReport(result: run.result,
                          settings: run.collectionsSettings ?? CollectionsSettings(asOf: run.asOf ?? Pipeline.today()))
    }

    /// The customer of a document key (`customer/type/number`; customer IDs hold no `/`).
    static func customer(of key: String) -> String { String(key.prefix { $0 != "/" }) }

    /// Documents gone from one customer and new under another, the same type and number: one
    /// document on each side, or, of several, those whose earlier customer's records went to the
    /// later one.
    static func moves(removed: Set<String>, added: Set<String>, oldToNew: [String: Set<String>]) -> [Move] {
        func document(_ key: String) -> Substring { key.drop { $0 != "/" } }
        let addedByDocument = Dictionary(grouping: added, by: document)
        var moves: [Move] = []
        for (doc, gone) in Dictionary(grouping: removed, by: document) {
            guard let candidates = addedByDocument[doc] else { continue }
            if gone.count == 1, candidates.count == 1 {
                moves.append(Move(from: gone[0], to: candidates[0]))
                continue
            }
            var free = Set(candidates)
            for key in gone.sorted() {
                let targets = oldToNew[customer(of: key)] ?? []
                guard let to = free.sorted().first(where: { targets.contains(customer(of: $0)) }) else { continue }
                free.remove(to)
                moves.append(Move(from: key, to: to))
            }
        }
        return moves.sorted { ($0.to, $0.from) < ($1.to, $1.from) }
    }

    /// What each document still owes (credit notes negative), by customer, type and number.
    static func openInvoices(_ result: ReconciliationResult, _ report: CollectionsReport) -> [String: Money] {
        var map: [String: Money] = [:]
        for (i, invoice) in result.invoices.enumerated() {
            let aging = report.invoices[i]
            map["\(invoice.customerID)/\(invoice.documentType.rawValue)/\(invoice.documentNumber)"] =
                Money(aging.openAmount, aging.currency)
        }
        return map
    }

    /// Each customer's balance per currency, as `customers.csv` states the main one.
    static func customerBalances(_ report: CollectionsReport) -> [CustomerCurrency: Decimal] {
        var totals: [CustomerCurrency: Decimal] = [:]
        for position in report.customers {
            for p in position.allCurrencies {
                totals[CustomerCurrency(customer: position.customerID, currency: p.currency?.code ?? ""), default: 0] += p.balance
            }
        }
        return totals
    }

    /// A plain-text report for people.
    public var text: String {
        var lines = ["Changes from run \(fromRun) to run \(toRun):"]
        if isEmpty { lines.append("  no changes"); return lines.joined(separator: "\n") }
        for s in unreadSources {
            lines.append("  run \(toRun) could not read \(s.file) (\(s.error)): what it held shows as gone below, unsettled")
        }
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("  \(title) (\(items.count)): " + items.prefix(50).joined(separator: ", ") + (items.count > 50 ? ", …" : ""))
        }
        list("new customers", addedCustomers)
        list("customers gone", removedCustomers)
        for m in merges { lines.append("  merged into \(m.customerID): \(m.from.joined(separator: ", "))") }
        for s in splits { lines.append("  \(s.customerID) split into \(s.into.joined(separator: ", "))") }
        list("new documents", addedInvoices)
        list("documents gone", removedInvoices)
        list("documents now under another customer", movedInvoices.map { "\($0.from) → \(Self.customer(of: $0.to))" })
        for c in balanceChanges {
            lines.append("  \(c.entity) \(c.id) balance \(c.before) → \(c.after) \(c.currency)")
        }
        for r in renamedCustomers { lines.append("  \(r.customerID) renamed \"\(r.before)\" → \"\(r.after)\"") }
        list("new payments", addedPayments)
        list("payments gone", removedPayments)
        list("new discrepancies", newDiscrepancies)
        list("discrepancies resolved", resolvedDiscrepancies)
        return lines.joined(separator: "\n")
    }
}
