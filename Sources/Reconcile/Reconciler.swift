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

    public init(settings: MatchSettings = .default, overrides: Overrides = .none, previous: IDMap? = nil) {
        self.settings = settings; self.overrides = overrides; self.previous = previous
    }

    public func reconcile(_ batch: ImportBatch) -> ReconciliationResult {
        let customers = batch.customers.sorted(by: Self.customerOrder)
        let match = CustomerMatcher(settings: settings, overrides: overrides).match(customers)

        var discrepancies = match.discrepancies
        let clusters = match.outcome.clusters
        let (ids, changes) = IDAssigner(previous: previous).assign(clusters.map { $0.members.map { customers[$0].id } })

        var idByRecord: [RecordID: String] = [:]
        for (c, cluster) in clusters.enumerated() { for m in cluster.members { idByRecord[customers[m].id] = ids[c] } }

        // Overridden field values, by the cluster that holds the selected records.
        var fieldOverrides: [String: [String: String]] = [:]
        for d in overrides.fields {
            for r in d.customer.resolve(in: customers, features: match.features, index: match.index) {
                if let cid = idByRecord[customers[r].id] { fieldOverrides[cid, default: [:]][d.field] = d.value }
            }
        }

        let consolidator = CustomerConsolidator(settings: settings)
        var consolidated: [ConsolidatedCustomer] = []
        var explanations: [MatchExplanation] = []
        for (c, cluster) in clusters.enumerated() {
            let id = ids[c]
            let memberRecords = cluster.members.map { customers[$0] }
            var (customer, _) = consolidator.consolidate(id: id, members: memberRecords, overrides: fieldOverrides[id] ?? [:],
                                                         discrepancies: &discrepancies)
            customer.members = cluster.members.map { m in
                let r = customers[m]
                let link = cluster.links[m]
                return CustomerMember(customerID: id, record: r.id, provenance: r.provenance, sourceName: r.name?.value,
                                      sourceTaxID: r.taxID?.value.display, matchScore: link?.probability,
                                      matchRule: link?.rule ?? "seed")
            }
            if settings.explanations {
                for m in cluster.members { if let link = cluster.links[m] {
                    explanations.append(match.explain(customerID: id, m, link, customers))
                } }
            }
            discrepancies += TaxIDChecks.cluster(id: id, members: memberRecords)
            consolidated.append(customer)
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

        let invoices = InvoiceConsolidator(customerIDByRecord: idByRecord)
            .consolidate(invoices: batch.invoices, payments: batch.payments)
        discrepancies += invoices.discrepancies
        for inv in batch.invoices where idByRecord[inv.customer] == nil {
            discrepancies.append(.make(kind: "unknown_customer", severity: .warning, entity: "invoice", entityID: inv.id.rawValue,
                                       field: "customer", values: [.init(value: inv.customer.rawValue, provenance: inv.provenance)],
                                       message: "document \(inv.number.value) refers to customer record \(inv.customer), which was not imported"))
        }

        let contacts = batch.contacts.sorted { $0.id < $1.id }.map {
            ReconciliationResult.AttachedContact(customerID: $0.customer.flatMap { idByRecord[$0] }, event: $0)
        }
        let promises = batch.promises.sorted { $0.id < $1.id }.map {
            ReconciliationResult.AttachedPromise(customerID: $0.customer.flatMap { idByRecord[$0] }, promise: $0)
        }

        consolidated.sort { $0.customerID < $1.customerID }
        explanations.sort { ($0.customerID, $0.record) < ($1.customerID, $1.record) }
        discrepancies = Self.uniqueIDs(discrepancies.sorted(by: Discrepancy.ordered))
        var result = ReconciliationResult(
            customers: consolidated, invoices: invoices.invoices, payments: invoices.payments.sorted { $0.payment.id < $1.payment.id },
            contacts: contacts, promises: promises, discrepancies: discrepancies, customerIDByRecord: idByRecord)
        result.matchExplanations = explanations
        result.idChanges = changes
        result.model = match.modelSummary
        return result
    }

    /// A total order on customer records, so equal IDs from a careless source still sort the same.
    static func customerOrder(_ a: Customer, _ b: Customer) -> Bool {
        if a.id != b.id { return a.id < b.id }
        let ka = (a.name?.value ?? "", a.taxID?.value.normalized ?? "", a.provenance.description)
        let kb = (b.name?.value ?? "", b.taxID?.value.normalized ?? "", b.provenance.description)
        return ka < kb
    }

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
