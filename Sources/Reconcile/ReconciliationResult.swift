import Receivables
import Tabular

// The output contract of reconciliation: what Store, Reports and Collections consume.
// Field names follow the output files of DESIGN.md ("Output folder").

/// One source record's membership in a consolidated customer (`customer_members.csv`).
public struct CustomerMember: Hashable, Sendable, Codable {
    public var customerID: String
    public var record: RecordID
    public var provenance: Provenance
    public var sourceName: String?
    public var sourceTaxID: String?
    /// The match probability that joined this record to its cluster (nil for the cluster's seed).
    public var matchScore: Double?
    /// Which evidence joined it: `seed`, `tax_id`, `score`, `must_link`, …
    public var matchRule: String

    public init(customerID: String, record: RecordID, provenance: Provenance, sourceName: String?,
                sourceTaxID: String?, matchScore: Double?, matchRule: String) {
        self.customerID = customerID; self.record = record; self.provenance = provenance
        self.sourceName = sourceName; self.sourceTaxID = sourceTaxID; self.matchScore = matchScore
        self.matchRule = matchRule
    }
}

/// Which member a consolidated value came from and which survivorship rule chose it.
public struct FieldDecision: Hashable, Sendable, Codable {
    public var field: String
    public var value: String
    public var chosenFrom: Provenance?
    /// `source_priority`, `most_recent`, `most_complete`, `most_frequent`, `override`, `only_value`,
    /// `valid_tax_id` (a tax ID that passed its check over others), `recorded_name` (a sheet's name over a chat's);
    /// for an invoice's paid and balance also `amount_minus_balance` and `payments_applied`.
    public var rule: String

    public init(field: String, value: String, chosenFrom: Provenance?, rule: String) {
        self.field = field; self.value = value; self.chosenFrom = chosenFrom; self.rule = rule
    }
}

/// One real customer after deduplication (`customers.csv`, before collections figures).
public struct ConsolidatedCustomer: Hashable, Sendable, Codable {
    /// Stable across runs (see DESIGN.md "Identity and determinism"), e.g. `C-3F9A1B2C`.
    public var customerID: String
    public var name: String
    public var taxID: TaxID?
    public var phones: [String]
    public var emails: [String]
    public var address: String?
    public var city: String?
    public var country: String?
    public var salesperson: String?
    /// The main currency of the customer's documents.
    public var currency: Currency?
    public var members: [CustomerMember]
    public var decisions: [FieldDecision]

    public init(customerID: String, name: String, taxID: TaxID? = nil, phones: [String] = [],
                emails: [String] = [], address: String? = nil, city: String? = nil, country: String? = nil,
                salesperson: String? = nil, currency: Currency? = nil, members: [CustomerMember] = [],
                decisions: [FieldDecision] = []) {
        self.customerID = customerID; self.name = name; self.taxID = taxID; self.phones = phones
        self.emails = emails; self.address = address; self.city = city; self.country = country
        self.salesperson = salesperson; self.currency = currency; self.members = members
        self.decisions = decisions
    }
}

/// One real document after matching copies across sources (`invoices.csv` without aging).
public struct ConsolidatedInvoice: Hashable, Sendable, Codable {
    public var customerID: String
    /// The number as the winning source wrote it.
    public var documentNumber: String
    public var documentType: Invoice.DocumentType
    public var issueDate: LocalDate?
    public var dueDate: LocalDate?
    public var currency: Currency?
    public var amount: Money?
    public var paid: Money?
    public var balance: Money?
    /// Every source record that is a copy of this document.
    public var members: [RecordID]
    public var memberProvenance: [Provenance]
    public var hasConflict: Bool
    public var decisions: [FieldDecision]

    public init(customerID: String, documentNumber: String, documentType: Invoice.DocumentType,
                issueDate: LocalDate?, dueDate: LocalDate?, currency: Currency?, amount: Money?,
                paid: Money?, balance: Money?, members: [RecordID], memberProvenance: [Provenance],
                hasConflict: Bool, decisions: [FieldDecision] = []) {
        self.customerID = customerID; self.documentNumber = documentNumber; self.documentType = documentType
        self.issueDate = issueDate; self.dueDate = dueDate; self.currency = currency; self.amount = amount
        self.paid = paid; self.balance = balance; self.members = members
        self.memberProvenance = memberProvenance; self.hasConflict = hasConflict; self.decisions = decisions
    }

    public var sourceCount: Int { members.count }
}

/// A payment attached to its consolidated customer (and invoice, when it names a known one).
public struct ConsolidatedPayment: Hashable, Sendable, Codable {
    public var customerID: String?
    public var invoiceNumber: String?
    /// Whether `invoiceNumber` names a document that exists for that customer.
    public var invoiceFound: Bool
    public var payment: Payment

    public init(customerID: String?, invoiceNumber: String?, invoiceFound: Bool, payment: Payment) {
        self.customerID = customerID; self.invoiceNumber = invoiceNumber
        self.invoiceFound = invoiceFound; self.payment = payment
    }
}

/// A conflict or data-quality problem an auditor must see (`discrepancies.csv` / `.json`).
public struct Discrepancy: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case info, warning, error
        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// One of the values that disagree, with where it was read.
    public struct CompetingValue: Hashable, Sendable, Codable {
        public var value: String
        public var provenance: Provenance
        public init(value: String, provenance: Provenance) { self.value = value; self.provenance = provenance }
    }

    /// Stable across runs: derived from kind, entity and field (e.g. `D-1A2B3C4D`).
    public var id: String
    /// `customer_field_conflict`, `invoice_amount_conflict`, `balance_mismatch`, `overpayment`,
    /// `duplicate_document`, `duplicate_promise`, `possible_duplicate_document`, `unknown_invoice_payment`, `invoice_from_description`, `invalid_tax_id`, `two_tax_ids`,
    /// `shared_tax_id`, `tax_id_numbers_differ`, `cluster_split`, …
    public var kind: String
    public var severity: Severity
    /// `customer`, `invoice`, `payment`.
    public var entity: String
    public var entityID: String
    public var field: String
    public var values: [CompetingValue]
    public var chosen: String?
    public var rule: String?
    public var message: String

    public init(id: String, kind: String, severity: Severity, entity: String, entityID: String,
                field: String, values: [CompetingValue], chosen: String?, rule: String?, message: String) {
        self.id = id; self.kind = kind; self.severity = severity; self.entity = entity
        self.entityID = entityID; self.field = field; self.values = values; self.chosen = chosen
        self.rule = rule; self.message = message
    }
}

/// Everything reconciliation produced, sorted deterministically.
public struct ReconciliationResult: Sendable, Codable {
    public var customers: [ConsolidatedCustomer]
    public var invoices: [ConsolidatedInvoice]
    public var payments: [ConsolidatedPayment]
    /// Contact events and promises with the consolidated customer they belong to.
    public var contacts: [AttachedContact]
    public var promises: [AttachedPromise]
    public var discrepancies: [Discrepancy]
    /// Source record → consolidated customer ID (the ID map kept in the store).
    public var customerIDByRecord: [RecordID: String]
    /// Why each member joined its customer: one scored (or overridden) pair per non-seed member.
    public var matchExplanations: [MatchExplanation] = []
    /// Customers merged or split since the ID map of the previous run.
    public var idChanges: [IDChange] = []
    /// The fitted matching model (prior, m and u of every level), for explanations and audits.
    public var model: MatchModelSummary?
    /// What each entry of `overrides.yaml` did, in the file's order (for the report).
    public var overrides: [OverrideOutcome] = []

    public struct AttachedContact: Sendable, Codable, Hashable {
        public var customerID: String?
        public var event: ContactEvent
        public init(customerID: String?, event: ContactEvent) { self.customerID = customerID; self.event = event }
    }

    public struct AttachedPromise: Sendable, Codable, Hashable {
        public var customerID: String?
        public var promise: PromiseToPay
        public init(customerID: String?, promise: PromiseToPay) { self.customerID = customerID; self.promise = promise }
    }

    public init(customers: [ConsolidatedCustomer], invoices: [ConsolidatedInvoice],
                payments: [ConsolidatedPayment], contacts: [AttachedContact], promises: [AttachedPromise],
                discrepancies: [Discrepancy], customerIDByRecord: [RecordID: String]) {
        self.customers = customers; self.invoices = invoices; self.payments = payments
        self.contacts = contacts; self.promises = promises; self.discrepancies = discrepancies
        self.customerIDByRecord = customerIDByRecord
    }
}

extension ReconciliationResult {
    /// Decodes a stored run; runs saved before overrides were listed have none to list.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customers = try c.decode([ConsolidatedCustomer].self, forKey: .customers)
        invoices = try c.decode([ConsolidatedInvoice].self, forKey: .invoices)
        payments = try c.decode([ConsolidatedPayment].self, forKey: .payments)
        contacts = try c.decode([AttachedContact].self, forKey: .contacts)
        promises = try c.decode([AttachedPromise].self, forKey: .promises)
        discrepancies = try c.decode([Discrepancy].self, forKey: .discrepancies)
        customerIDByRecord = try c.decode([RecordID: String].self, forKey: .customerIDByRecord)
        matchExplanations = try c.decode([MatchExplanation].self, forKey: .matchExplanations)
        idChanges = try c.decode([IDChange].self, forKey: .idChanges)
        model = try c.decodeIfPresent(MatchModelSummary.self, forKey: .model)
        overrides = try c.decodeIfPresent([OverrideOutcome].self, forKey: .overrides) ?? []
    }
}
