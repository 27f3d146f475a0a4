import Tabular

/// Money received from a customer, as one source (a bank export, a ledger sheet) states it.
public struct Payment: Hashable, Sendable, Codable {
    public var id: RecordID
    public var customer: RecordID?
    /// The document the payment says it settles, as written; may name an unknown invoice.
    public var invoiceNumber: Sourced<String>?
    public var date: Sourced<LocalDate>?
    public var amount: Sourced<Money>
    /// Bank reference, cheque number …
    public var reference: Sourced<String>?
    /// Transfer, cash, cheque, Zelle, pago móvil … as written.
    public var method: Sourced<String>?
    /// The row's notes or observations column, as written.
    public var notes: Sourced<String>?
    public var extra: [String: String]
    public var provenance: Provenance

    public init(id: RecordID, customer: RecordID? = nil, invoiceNumber: Sourced<String>? = nil,
                date: Sourced<LocalDate>? = nil, amount: Sourced<Money>, reference: Sourced<String>? = nil,
                method: Sourced<String>? = nil, notes: Sourced<String>? = nil, extra: [String: String] = [:],
                provenance: Provenance) {
        self.id = id; self.customer = customer; self.invoiceNumber = invoiceNumber; self.date = date
        self.amount = amount; self.reference = reference; self.method = method; self.notes = notes; self.extra = extra
        self.provenance = provenance
    }
}
