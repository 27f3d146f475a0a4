import Tabular

/// A receivable document: an invoice, a credit note or a debit note, as one source states it.
public struct Invoice: Hashable, Sendable, Codable {
    public enum DocumentType: String, Hashable, Sendable, Codable, CaseIterable {
        case invoice, creditNote = "credit_note", debitNote = "debit_note"
    }

    public var id: RecordID
    /// The customer record this document belongs to (from the same row, or by reference).
    public var customer: RecordID
    /// The document number as written (`F-0012`, `00012`); matching normalizes it in Reconcile.
    public var number: Sourced<String>
    public var type: DocumentType
    public var issueDate: Sourced<LocalDate>?
    public var dueDate: Sourced<LocalDate>?
    /// The document total.
    public var amount: Sourced<Money>?
    /// What the source says was paid against it.
    public var paid: Sourced<Money>?
    /// What the source says is still owed.
    public var balance: Sourced<Money>?
    public var currency: Currency?
    public var salesperson: Sourced<String>?
    public var notes: Sourced<String>?
    public var extra: [String: String]
    public var provenance: Provenance
    public var sourcePriority: Int

    public init(id: RecordID, customer: RecordID, number: Sourced<String>, type: DocumentType = .invoice,
                issueDate: Sourced<LocalDate>? = nil, dueDate: Sourced<LocalDate>? = nil,
                amount: Sourced<Money>? = nil, paid: Sourced<Money>? = nil, balance: Sourced<Money>? = nil,
                currency: Currency? = nil, salesperson: Sourced<String>? = nil, notes: Sourced<String>? = nil,
                extra: [String: String] = [:], provenance: Provenance, sourcePriority: Int = 0) {
        self.id = id; self.customer = customer; self.number = number; self.type = type
        self.issueDate = issueDate; self.dueDate = dueDate; self.amount = amount; self.paid = paid
        self.balance = balance; self.currency = currency; self.salesperson = salesperson; self.notes = notes
        self.extra = extra; self.provenance = provenance; self.sourcePriority = sourcePriority
    }
}
