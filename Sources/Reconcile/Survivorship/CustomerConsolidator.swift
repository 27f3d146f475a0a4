import Receivables
import Tabular

/// Builds one consolidated customer from its members: each field by survivorship (or an
/// override), phones and emails as the union, and every losing value as a discrepancy.
struct CustomerConsolidator {
    let settings: MatchSettings

    /// The fields ``consolidate(id:members:overrides:discrepancies:)`` decides by survivorship: the
    /// ones an override may set and a `severity:` entry of the matching settings may grade.
    static let decidedFields: Set<String> = ["name", "tax_id", "address", "city", "country", "salesperson"]

    func consolidate(id: String, members: [Customer], overrides: [String: String],
                     discrepancies: inout [Discrepancy]) -> (ConsolidatedCustomer, [FieldDecision]) {
        let survivorship = Survivorship(order: settings.survivorship)
        var decisions: [FieldDecision] = []

        func candidates(_ get: (Customer) -> Sourced<String>?, key: (String) -> String, quality: (Customer) -> Int = { _ in 0 }) -> [Candidate] {
            members.compactMap { c in
                guard let v = get(c), v.value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
                return Candidate(value: v.value, key: key(v.value), record: c.id, provenance: v.provenance ?? c.provenance,
                                 sourcePriority: c.sourcePriority, asOf: c.asOf, quality: quality(c))
            }
        }

        func decide(_ field: String, _ cands: [Candidate], key: (String) -> String,
                    qualityRule: String = "valid_tax_id") -> Candidate? {
            if let forced = overrides[field] {
                decisions.append(FieldDecision(field: field, value: forced, chosenFrom: nil, rule: "override"))
                let losers = cands.filter { ($0.spelling ?? $0.key) != key(forced) }
                if !losers.isEmpty {
                    discrepancies.append(.make(
                        kind: "customer_field_conflict", severity: settings.severity(for: field), entity: "customer",
                        entityID: id, field: field, values: cands.map { .init(value: $0.value, provenance: $0.provenance) },
                        chosen: forced, rule: "override", message: "\(field) set by override; members say otherwise"))
                }
                return Candidate(value: forced, key: key(forced), record: RecordID("override"),
                                 provenance: Provenance(SourceLocation(file: "overrides.yaml")), sourcePriority: .max, asOf: nil)
            }
            guard let choice = survivorship.choose(cands, qualityRule: qualityRule) else { return nil }
            decisions.append(FieldDecision(field: field, value: choice.chosen.value, chosenFrom: choice.chosen.provenance, rule: choice.rule))
            if choice.conflict {
                discrepancies.append(.make(
                    kind: "customer_field_conflict", severity: settings.severity(for: field), entity: "customer",
                    entityID: id, field: field,
                    values: cands.sorted { $0.record < $1.record }.map { .init(value: $0.value, provenance: $0.provenance) },
                    chosen: choice.chosen.value, rule: choice.rule,
                    message: "members disagree on \(field); kept \"\(choice.chosen.value)\" by \(choice.rule)"))
            }
            return choice.chosen
        }

        let fold = { (s: String) in TextFolding.fold(s) }
        let nameKey = { (s: String) in NameKey(s).fingerprint }
        let taxKey = { (s: String) in TaxIDKeyer.compact(s) }
        // A chat's name is the contact as the collector saved it (`Inversiones Marquez`, `Sr. José`)
        // and a notebook's a heading typed in passing; a sheet's or an export's is the customer's
        // record. Without source priorities to tell, the record's name wins over a newer chat's.
        let priorities = Set(members.map(\.sourcePriority))
        let name = decide("name", NameSpellings.grouped(candidates(\.name, key: nameKey, quality: { c in
            priorities.count == 1 && c.provenance.location.row != nil ? 1 : 0
        })), key: nameKey, qualityRule: "recorded_name")

        // Tax ID: a valid one beats an unchecked one, which beats one that failed its check. Shown
        // as written, compared as one ID: normalized, a check digit left out being no disagreement.
        var taxCands = candidates({ c in c.taxID.map { Sourced($0.value.display.isEmpty ? $0.value.normalized : $0.value.display, from: $0.provenance) } },
                                  key: taxKey,
                                  quality: { c in switch c.taxID?.value.validity { case .valid: 2; case .unchecked: 1; default: 0 } })
        let sameIDKeys = Self.sameIDKeys(taxCands.map { c in
            members.first { $0.id == c.record }?.taxID.map { TaxIDKey($0.value) } ?? TaxIDKey(raw: c.value)
        })
        for i in taxCands.indices { taxCands[i].key = sameIDKeys[i] }
        let taxChoice = decide("tax_id", taxCands, key: taxKey)
        var taxID: TaxID?
        if let taxChoice {
            taxID = members.first { $0.id == taxChoice.record }?.taxID?.value
                ?? TaxID(normalized: taxChoice.key, country: nil, kind: .unknown, validity: .unchecked, display: taxChoice.value)
        }
        let address = decide("address", candidates(\.address, key: fold), key: fold)
        let city = decide("city", candidates(\.city, key: fold), key: fold)
        let country = decide("country", candidates({ c in c.country.map { Sourced($0, from: c.provenance) } }, key: { $0.uppercased() }),
                             key: { $0.uppercased() })
        let salesperson = decide("salesperson", candidates(\.salesperson, key: fold), key: fold)

        var phones: [String] = [], seenPhones = Set<String>()
        var emails: [String] = [], seenEmails = Set<String>()
        for m in members {
            for p in m.phones where seenPhones.insert(PhoneKey(p.value)?.digits ?? p.value).inserted { phones.append(p.value) }
            for e in m.emails where seenEmails.insert(EmailKeyer().key(e.value)).inserted { emails.append(e.value) }
        }
        if !phones.isEmpty { decisions.append(FieldDecision(field: "phones", value: phones.joined(separator: "; "), chosenFrom: nil, rule: "union")) }
        if !emails.isEmpty { decisions.append(FieldDecision(field: "emails", value: emails.joined(separator: "; "), chosenFrom: nil, rule: "union")) }

        let customer = ConsolidatedCustomer(
            customerID: id, name: name?.value ?? "", taxID: taxID, phones: phones, emails: emails,
            address: address?.value, city: city?.value, country: country?.value, salesperson: salesperson?.value,
            members: [], decisions: decisions)
        return (customer, decisions)
    }

    /// Each tax ID's key, one for the ways of writing one ID: its normalized form (`J-30123456-1`
    /// and `J301234561` are `J301234561`), and for an ID written without its check digit where
    /// the parser could not add it (a bare cédula `12345678`, its letter only inferred) the one
    /// fuller ID of the cluster that it is the start of (`V-12345678-1`). Two such fuller IDs
    /// leave it its own key: which one it is, nobody can tell.
    static func sameIDKeys(_ keys: [TaxIDKey]) -> [String] {
        keys.map { a in
            // (Chile's `K`: `14210637K` holds the digits of `14210637` and its check letter.)
            let fuller = Set(keys.filter { b in
                b.normalized != a.normalized && b.numberWithoutCheckDigit == a.digits && a.digits.count >= 5
                    && a.lettersAgree(with: b) && !b.isInvalid
            }.map(\.normalized))
            return fuller.count == 1 ? fuller.first! : a.normalized
        }
    }
}

import Foundation
