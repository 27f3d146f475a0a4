import Receivables

/// Tax-ID problems worth an auditor's eye: invalid IDs, two valid IDs in one customer, one ID
/// shared by different customers.
enum TaxIDChecks {
    static func cluster(id: String, members: [Customer]) -> [Discrepancy] {
        var out: [Discrepancy] = []
        let withTax = members.compactMap { m in m.taxID.map { (m, $0) } }
        let keys = withTax.map { TaxIDKey($0.1.value) }
        // A number another member writes with its check digit (`14.210.637` beside `14.210.637-K`)
        // is that ID with the digit left out, not an invalid one.
        let bodies = Set(keys.filter(\.isValid).map(\.numberWithoutCheckDigit))
        let invalid = withTax.indices.filter { k in
            let validity = withTax[k].1.value.validity
            return (validity == .checkDigitMismatch || validity == .malformed) && !bodies.contains(keys[k].digits)
        }.map { withTax[$0] }
        if !invalid.isEmpty {
            out.append(.make(kind: "invalid_tax_id", severity: .warning, entity: "customer", entityID: id, field: "tax_id",
                             values: invalid.map { .init(value: $0.1.value.display, provenance: $0.1.provenance ?? $0.0.provenance) },
                             message: Self.invalidMessage(invalid.map(\.1.value))))
        }
        let valid = withTax.indices.filter { keys[$0].isValid }.map { withTax[$0] }
        // A bare number that is another's without its check digit is that ID, not a second one
        // (``CustomerMatcher/cannotLinkTaxIDs(_:)``: `77650482` beside `77.650.482-3`).
        if Set(CustomerMatcher.cannotLinkTaxIDs(keys.filter(\.isValid)).compactMap { $0 }).count > 1 {
            out.append(.make(kind: "two_tax_ids", severity: .error, entity: "customer", entityID: id, field: "tax_id",
                             values: valid.map { .init(value: $0.1.value.display, provenance: $0.1.provenance ?? $0.0.provenance) },
                             message: "one customer carries several valid tax IDs"))
        }
        return out
    }

    /// `tax ID J-29876543-0 fails its check digit (5 records)`: each distinct ID once, with why.
    static func invalidMessage(_ ids: [TaxID]) -> String {
        var counts: [String: (TaxID, Int)] = [:]
        for id in ids { counts[id.display, default: (id, 0)].1 += 1 }
        let parts = counts.sorted { $0.key < $1.key }.map { display, entry in
            let why = entry.0.validity == .checkDigitMismatch ? "fails its check digit" : "fits no known format"
            return "\(display) \(why)" + (entry.1 > 1 ? " (\(entry.1) records)" : "")
        }
        return "tax ID " + parts.joined(separator: "; ")
    }

    /// A tax ID (not failing validation) used by records of more than one customer.
    static func shared(customers: CustomerView, idByRecord: [RecordID: String]) -> [Discrepancy] {
        // Record indices, not copies of the records (200 000 customers copied cost ~50 MB).
        var byTax: [String: [Int]] = [:]
        for (i, c) in customers.enumerated() {
            guard let t = c.taxID?.value else { continue }
            let k = TaxIDKey(t)
            if !k.isInvalid && !k.normalized.isEmpty { byTax[k.normalized, default: []].append(i) }
        }
        var out: [Discrepancy] = []
        for (tax, indices) in byTax.sorted(by: { $0.key < $1.key }) {
            guard indices.count > 1 else { continue }
            let records = indices.map { customers[$0] }
            let ids = Set(records.compactMap { idByRecord[$0.id] })
            guard ids.count > 1 else { continue }
            out.append(.make(kind: "shared_tax_id", severity: .warning, entity: "tax_id", entityID: tax, field: "tax_id",
                             values: records.map { .init(value: ($0.name?.value ?? "?") + " [" + (idByRecord[$0.id] ?? "") + "]", provenance: $0.provenance) },
                             message: "tax ID \(tax) is used by \(ids.count) different customers: " + ids.sorted().joined(separator: ", ")))
        }
        return out
    }
}
