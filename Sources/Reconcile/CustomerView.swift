import Receivables

/// The batch's customers in reconciliation order, without copying them: a customer record is
/// large (every value carries its provenance), and 200 000 of them copied once cost 200 MB.
struct CustomerView: RandomAccessCollection, Sendable {
    let base: [Customer]
    let order: [Int]

    /// Record ID, then content, so equal IDs from a careless source still sort the same.
    init(_ customers: [Customer]) {
        let keys = customers.map { c in
            c.id.rawValue + "\u{0}" + (c.name?.value ?? "") + "\u{0}" + (c.taxID?.value.normalized ?? "") + "\u{0}" + c.provenance.description
        }
        base = customers
        order = customers.indices.sorted { keys[$0] < keys[$1] }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { order.count }
    subscript(position: Int) -> Customer { base[order[position]] }
}
