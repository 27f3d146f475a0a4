import Receivables

/// What a source customer record says about who it is, as one key. A record keeps its key when its
/// file is sorted again, rows are inserted above it or the file is renamed (a dated nightly
/// export); its ``RecordID`` (file and row) does not. So the ID map follows records by this key
/// first, and customer IDs do not move with row positions.
public enum RecordIdentity {
    /// `K-` and 16 hex digits of FNV-1a over the identifying values as the source wrote them (name,
    /// tax ID, phone and email cells, address, city), so that neither a configuration change (the
    /// default country a phone or a bare tax ID is read by) nor a parser's new rule moves a
    /// record's key; `nil` for a record with no name, tax ID, phone or email, which says nothing to
    /// recognize it by (its row is all there is).
    public static func key(_ c: Customer) -> String? {
        guard c.name != nil || c.taxID != nil || !c.phones.isEmpty || !c.emails.isEmpty else { return nil }
        var hash = StableHash.FNV1a()
        hash.add(c.name?.value)
        hash.add(c.taxID.map { TaxIDKeyer.compact($0.value.display) })
        addWritten(c.phones, to: &hash)
        addWritten(c.emails, to: &hash)
        hash.add(c.address?.value)
        hash.add(c.city?.value)
        return "K-" + StableHash.hex16(hash.value)
    }

    /// The cells several values came from (two phones of one cell are one cell), else the values.
    private static func addWritten(_ values: [Sourced<String>], to hash: inout StableHash.FNV1a) {
        var previous: String?
        for v in values {
            let written = v.provenance?.rawText ?? v.value
            if written != previous { hash.add(written) }
            previous = written
        }
        hash.separate()
    }

    /// Keys for what a record says one value at a time: its tax ID, name, each email and each phone
    /// (`T-`, `N-`, `E-`, `P-` and 16 hex digits). A record whose phone was edited in place keeps
    /// its name and tax ID; the ID map finds its customer by them when its whole key is new.
    public static func facets(_ c: Customer) -> [String] {
        func facet(_ prefix: String, _ value: String) -> String {
            var hash = StableHash.FNV1a()
            hash.add(value)
            return prefix + StableHash.hex16(hash.value)
        }
        var facets: [String] = []
        if let tax = c.taxID.map({ TaxIDKeyer.compact($0.value.display) }), !tax.isEmpty { facets.append(facet("T-", tax)) }
        if let name = c.name?.value, !name.isEmpty { facets.append(facet("N-", name)) }
        for email in c.emails { facets.append(facet("E-", email.value)) }
        for phone in c.phones { facets.append(facet("P-", phone.value)) }
        return facets
    }

    /// How much a facet says about who a record is: a tax ID 4, an email 3, a phone 2, a name 1
    /// (two customers may share a name; a tax ID is theirs alone).
    static func weight(ofFacet facet: String) -> Int {
        switch facet.first {
        case "T": 4
        case "E": 3
        case "P": 2
        default: 1
        }
    }
}
