import Receivables

/// What a source customer record says about who it is, as one key. A record keeps its key when its
/// file is sorted again, rows are inserted above it or the file is renamed (a dated nightly
/// export); its ``RecordID`` (file and row) does not. So the ID map follows records by this key
/// first, and customer IDs do not move with row positions.
public enum RecordIdentity {
    /// `K-` and 16 hex digits of FNV-1a over the identifying values as written (name, tax ID,
    /// phones, emails, address, city, country); `nil` for a record with no name, tax ID, phone or
    /// email, which says nothing to recognize it by (its row is all there is).
    public static func key(_ c: Customer) -> String? {
        guard c.name != nil || c.taxID != nil || !c.phones.isEmpty || !c.emails.isEmpty else { return nil }
        var hash = StableHash.FNV1a()
        hash.add(c.name?.value)
        hash.add(c.taxID?.value.normalized)
        for phone in c.phones { hash.add(phone.value) }
        hash.separate()
        for email in c.emails { hash.add(email.value) }
        hash.separate()
        hash.add(c.address?.value)
        hash.add(c.city?.value)
        hash.add(c.country)
        return "K-" + StableHash.hex16(hash.value)
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
        if let tax = c.taxID?.value.normalized, !tax.isEmpty { facets.append(facet("T-", tax)) }
        if let name = c.name?.value, !name.isEmpty { facets.append(facet("N-", name)) }
        for email in c.emails { facets.append(facet("E-", email.value)) }
        for phone in c.phones { facets.append(facet("P-", phone.value)) }
        return facets
    }

    /// Each record's key, by record ID (records without one left out).
    public static func keys(_ customers: [Customer]) -> [RecordID: String] {
        var keys: [RecordID: String] = [:]
        keys.reserveCapacity(customers.count)
        for c in customers { if let k = key(c) { keys[c.id] = k } }
        return keys
    }
}
