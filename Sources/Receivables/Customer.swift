import Tabular

/// One customer as one source record describes it (before reconciliation merges copies).
public struct Customer: Hashable, Sendable, Codable {
    /// The source record this customer came from (a row of a customer sheet, or the customer
    /// columns of an invoice row, or a notebook section).
    public var id: RecordID
    /// The name as written (display value; matching keys are built in Reconcile).
    public var name: Sourced<String>?
    public var taxID: Sourced<TaxID>?
    /// Phones in E.164 (`+584125551234`) when they could be normalized, else as written.
    public var phones: [Sourced<String>]
    /// Emails, lower-cased and validated; text that is no address is kept as written (the
    /// importer warns about it), as phones are.
    public var emails: [Sourced<String>]
    public var address: Sourced<String>?
    public var city: Sourced<String>?
    /// ISO 3166-1 alpha-2, from the tax ID, the mapping or the configuration.
    public var country: String?
    public var salesperson: Sourced<String>?
    /// Columns that no field claimed, kept as `header → value` so nothing is silently dropped.
    public var extra: [String: String]
    /// The whole record's origin.
    public var provenance: Provenance
    /// Source priority from the mapping (higher wins in survivorship); 0 when unset.
    public var sourcePriority: Int
    /// A date that says how recent this record is (last invoice or contact), for survivorship.
    public var asOf: LocalDate?
    /// What the source says the customer owes in all (a collector's `Debe: $ 3.003,15`), which
    /// reconciliation checks against the customer's documents (`stated_balance_mismatch`).
    public var statedBalance: Sourced<Money>?

    public init(id: RecordID, name: Sourced<String>? = nil, taxID: Sourced<TaxID>? = nil,
                phones: [Sourced<String>] = [], emails: [Sourced<String>] = [],
                address: Sourced<String>? = nil, city: Sourced<String>? = nil, country: String? = nil,
                salesperson: Sourced<String>? = nil, extra: [String: String] = [:],
                provenance: Provenance, sourcePriority: Int = 0, asOf: LocalDate? = nil) {
        self.id = id; self.name = name; self.taxID = taxID; self.phones = phones; self.emails = emails
        self.address = address; self.city = city; self.country = country; self.salesperson = salesperson
        self.extra = extra; self.provenance = provenance; self.sourcePriority = sourcePriority; self.asOf = asOf
    }
}
