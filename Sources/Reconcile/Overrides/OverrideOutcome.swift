import Receivables

/// What one entry of `overrides.yaml` did in a run. Overrides are decisions a person forced on
/// the data, so the report lists every one of them with its effect (DESIGN: "applied on every run
/// and shown in the report"), the ones that did nothing included.
public struct OverrideOutcome: Hashable, Sendable, Codable {
    /// The list of `overrides.yaml` the entry is in.
    public enum Kind: String, Hashable, Sendable, Codable {
        case mustLink = "must_link", cannotLink = "cannot_link", field = "fields"
    }

    public enum Status: String, Hashable, Sendable, Codable {
        /// It did what it says.
        case applied
        /// A selector selects no record (also an `override_unmatched` discrepancy): a pair joined
        /// or separated nothing, a field decision set nothing.
        case unmatched
        /// Its records are not as it says: a must-link a cannot-link beat (`override_conflict`), a
        /// cannot-link whose two sides select the same record, a field value a later entry of the
        /// same field replaced for the same customer.
        case overruled
    }

    public var kind: Kind
    /// The entry's place in its list, counted from 1 as a person reads the file.
    public var position: Int
    /// The entry's selectors as Consolida reads them (``Overrides/Selector/description``).
    public var selectors: [String]
    /// For a field decision: the field and the value it sets.
    public var field: String?
    public var value: String?
    /// The customer records each selector selects, one sorted list per selector.
    public var records: [[RecordID]]
    /// The consolidated customers holding those records after the run, one sorted list per selector.
    public var customerIDs: [[String]]
    public var status: Status

    public init(kind: Kind, position: Int, selectors: [String], field: String? = nil, value: String? = nil,
                records: [[RecordID]], customerIDs: [[String]], status: Status) {
        self.kind = kind; self.position = position; self.selectors = selectors; self.field = field
        self.value = value; self.records = records; self.customerIDs = customerIDs; self.status = status
    }
}

/// The records each override entry's selectors selected (indices into the sorted customers), in
/// the order of `overrides.yaml`: what clustering used, kept to say afterwards what each entry did.
struct OverrideSelections: Sendable {
    /// Per must-link pair, the records of each of its two selectors.
    var mustLink: [[[Int]]] = []
    /// Per cannot-link pair, the records of each of its two selectors.
    var cannotLink: [[[Int]]] = []
    /// Per field decision, the records its selector selects.
    var fields: [[Int]] = []

    /// Every entry's outcome, once records have their customers. `forcedValues` holds the field
    /// values survivorship was given per customer (the last entry of a field wins).
    func outcomes(of overrides: Overrides, customers: CustomerView, idByRecord: [RecordID: String],
                  forcedValues: [String: [String: String]]) -> [OverrideOutcome] {
        func ids(_ records: [Int]) -> [RecordID] { records.map { customers[$0].id }.sorted() }
        func holders(_ records: [Int]) -> [String] { Array(Set(records.compactMap { idByRecord[customers[$0].id] })).sorted() }
        var out: [OverrideOutcome] = []
        for (k, (pair, sides)) in zip(overrides.mustLink, mustLink).enumerated() {
            let together = Set(sides.flatMap(holders)).count <= 1
            let status: OverrideOutcome.Status = sides.contains(where: \.isEmpty) ? .unmatched : together ? .applied : .overruled
            out.append(OverrideOutcome(kind: .mustLink, position: k + 1, selectors: [pair.a.description, pair.b.description],
                                       records: sides.map(ids), customerIDs: sides.map(holders), status: status))
        }
        for (k, (pair, sides)) in zip(overrides.cannotLink, cannotLink).enumerated() {
            let apart = Set(holders(sides[0])).isDisjoint(with: holders(sides[1]))
            let status: OverrideOutcome.Status = sides.contains(where: \.isEmpty) ? .unmatched : apart ? .applied : .overruled
            out.append(OverrideOutcome(kind: .cannotLink, position: k + 1, selectors: [pair.a.description, pair.b.description],
                                       records: sides.map(ids), customerIDs: sides.map(holders), status: status))
        }
        for (k, (decision, records)) in zip(overrides.fields, fields).enumerated() {
            let customerIDs = holders(records)
            let kept = customerIDs.allSatisfy { forcedValues[$0]?[decision.field] == decision.value }
            let status: OverrideOutcome.Status = records.isEmpty ? .unmatched : kept ? .applied : .overruled
            out.append(OverrideOutcome(kind: .field, position: k + 1, selectors: [decision.customer.description],
                                       field: decision.field, value: decision.value, records: [ids(records)],
                                       customerIDs: [customerIDs], status: status))
        }
        return out
    }
}
