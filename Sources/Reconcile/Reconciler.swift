import Receivables
import Tabular

/// Reconciles an import batch: one customer per real customer, one invoice per real document,
/// and every conflict on record.
///
/// The result depends only on the *set* of input records, never on their order or on hash
/// iteration order: records are sorted by ``RecordID`` first and every later step iterates in a
/// sorted order.
public struct Reconciler: Sendable {
    public var settings: MatchSettings
    public var overrides: Overrides
    /// The ID map of the previous run; customers whose members carried an ID keep it.
    public var previous: IDMap?
    /// The date the run is as of, when it names one: payments dated after it pay no balance.
    public var asOf: LocalDate?
    /// Told the name of each stage as it starts (for progress display and profiling).
    public var observer: (@Sendable (String) -> Void)?

    public init(settings: MatchSettings = .default, overrides: Overrides = .none, previous: IDMap? = nil) {
        self.settings = settings; self.overrides = overrides; self.previous = previous
    }

    /// Records that were one customer in the previous run and are unchanged: their whole
    /// ``RecordIdentity`` key led to one customer ID. Each such group as links from its first record.
    static func previousLinks(_ customers: CustomerView, _ previous: IDMap) -> [(Int, Int)] {
        var firstOfID: [String: Int] = [:]
        var links: [(Int, Int)] = []
        for i in 0..<customers.count {
            guard let key = RecordIdentity.key(customers[i]), let id = previous.customerIDByIdentity[key], !id.isEmpty else { continue }
            if let first = firstOfID[id] { links.append((first, i)) } else { firstOfID[id] = i }
        }
        return links
    }

    public func reconcile(_ batch: ImportBatch) -> ReconciliationResult {
        observer?("sort customers")
        let customers = CustomerView(batch.customers)
        var matcher = CustomerMatcher(settings: settings, overrides: overrides, observer: observer)
        if settings.keepPreviousLinks, let previous { matcher.previousLinks = Self.previousLinks(customers, previous) }
        let match = matcher.match(customers)
        observer?("assign IDs")

        var discrepancies = match.discrepancies
        let clusters = match.outcome.clusters
        let members = clusters.map { $0.members.map { ClusterMember(customers[$0]) } }
        let (ids, changes) = IDAssigner(previous: previous).assign(members)

        var idByRecord: [RecordID: String] = [:]
        idByRecord.reserveCapacity(customers.count)
        for (c, cluster) in clusters.enumerated() { for m in cluster.members { idByRecord[customers[m].id] = ids[c] } }

        // Overridden field values, by the cluster that holds the selected records.
        var fieldOverrides: [String: [String: String]] = [:]
        for (d, records) in zip(overrides.fields, match.overrideSelections.fields) {
            for r in records {
                if let cid = idByRecord[customers[r].id] { fieldOverrides[cid, default: [:]][d.field] = d.value }
            }
        }

        observer?("consolidate customers")
        let consolidator = CustomerConsolidator(settings: settings)
        let explain = settings.explanations
        let forced = fieldOverrides
        // Each cluster on its own (in parallel), a slice of clusters at a time so the per-cluster
        // results never all exist beside the concatenated ones; concatenated in cluster order.
        var consolidated: [ConsolidatedCustomer] = []
        consolidated.reserveCapacity(clusters.count)
        var explanations: [MatchExplanation] = []
        explanations.reserveCapacity(clusters.reduce(0) { $0 + $1.links.count })
        var start = 0
        while start < clusters.count {
            let base = start, size = min(Self.consolidationChunk, clusters.count - start)
            let perCluster = Parallel.map(count: size, minimumChunk: 512) { k -> (ConsolidatedCustomer, [Discrepancy], [MatchExplanation]) in
                let c = base + k
                let cluster = clusters[c]
                let id = ids[c]
                var found: [Discrepancy] = []
                let memberRecords = cluster.members.map { customers[$0] }
                var (customer, _) = consolidator.consolidate(id: id, members: memberRecords, overrides: forced[id] ?? [:],
                                                             discrepancies: &found)
                customer.members = cluster.members.map { m in
                    let r = customers[m]
                    let link = cluster.links[m]
                    return CustomerMember(customerID: id, record: r.id, provenance: r.provenance, sourceName: r.name?.value,
                                          sourceTaxID: r.taxID?.value.display, matchScore: link?.probability,
                                          matchRule: link?.rule ?? "seed")
                }
                var explanations: [MatchExplanation] = []
                if explain {
                    for m in cluster.members { if let link = cluster.links[m] { explanations.append(match.explain(customerID: id, m, link, customers)) } }
                }
                found += TaxIDChecks.cluster(id: id, members: memberRecords)
                return (customer, found, explanations)
            }
            for (customer, found, explained) in perCluster {
                consolidated.append(customer); discrepancies += found; explanations += explained
            }
            start += size
        }
        discrepancies += TaxIDChecks.shared(customers: customers, idByRecord: idByRecord)
        discrepancies += match.clusterDiscrepancies(customers: customers, idByRecord: idByRecord)

        // Main currency of each customer: the most common among its documents.
        var currencies: [String: [Currency: Int]] = [:]
        for inv in batch.invoices {
            if let cid = idByRecord[inv.customer], let cur = inv.currency ?? inv.amount?.value.currency { currencies[cid, default: [:]][cur, default: 0] += 1 }
        }
        for i in consolidated.indices {
            consolidated[i].currency = currencies[consolidated[i].customerID]?.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
        }

        observer?("consolidate invoices")
        let invoices = InvoiceConsolidator(customerIDByRecord: idByRecord, asOf: asOf)
            .consolidate(invoices: batch.invoices, payments: batch.payments)
        discrepancies += invoices.discrepancies
        discrepancies += StatedBalances.check(
            customers: batch.customers, idByRecord: idByRecord, invoices: invoices.invoices,
            currencyOf: Dictionary(consolidated.compactMap { c in c.currency.map { (c.customerID, $0) } }, uniquingKeysWith: { a, _ in a }))
        for inv in batch.invoices where idByRecord[inv.customer] == nil {
            discrepancies.append(.make(kind: "unknown_customer", severity: .warning, entity: "invoice", entityID: inv.id.rawValue,
                                       field: "customer", values: [.init(value: inv.customer.rawValue, provenance: inv.provenance)],
                                       message: "document \(inv.number.value) refers to customer record \(inv.customer), which was not imported"))
        }

        let allContacts = batch.contacts.sorted { $0.id < $1.id }.map {
            ReconciliationResult.AttachedContact(customerID: $0.customer.flatMap { idByRecord[$0] }, event: $0)
        }
        let allPromises = batch.promises.sorted { $0.id < $1.id }.map {
            ReconciliationResult.AttachedPromise(customerID: $0.customer.flatMap { idByRecord[$0] }, promise: $0)
        }
        let (contacts, promises, repeated) = NoteRepeats.dropRepeats(contacts: allContacts, promises: allPromises)
        discrepancies += repeated

        observer?("sort results")
        consolidated.sort { $0.customerID < $1.customerID }
        explanations.sort { ($0.customerID, $0.record) < ($1.customerID, $1.record) }
        discrepancies = Self.uniqueIDs(Discrepancy.sorted(discrepancies))
        var result = ReconciliationResult(
            customers: consolidated, invoices: invoices.invoices, payments: invoices.payments.sorted { $0.payment.id < $1.payment.id },
            contacts: contacts, promises: promises, discrepancies: discrepancies, customerIDByRecord: idByRecord)
        result.matchExplanations = explanations
        result.idChanges = changes
        result.model = match.modelSummary
        result.overrides = match.overrideSelections.outcomes(of: overrides, customers: customers, idByRecord: idByRecord,
                                                             forcedValues: fieldOverrides)
        observer?("done")
        return result
    }

    /// Clusters consolidated per parallel round.
    static let consolidationChunk = 8_192

    /// Two discrepancies with the same derived ID (same kind, entity, field) get `-2`, `-3` … in order.
    static func uniqueIDs(_ list: [Discrepancy]) -> [Discrepancy] {
        var seen: [String: Int] = [:]
        return list.map { d in
            var d = d
            let n = (seen[d.id] ?? 0) + 1
            seen[d.id] = n
            if n > 1 { d.id += "-\(n)" }
            return d
        }
    }
}
