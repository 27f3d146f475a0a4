import Tabular

/// A customer's promise to pay, usually extracted from a contact event.
public struct PromiseToPay: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case pending, kept, broken
    }

    public var id: RecordID
    public var customer: RecordID?
    /// The day the promise was made.
    public var madeOn: LocalDate
    /// The day the customer promised to pay by, when stated or resolved (`el viernes`).
    public var promisedDate: LocalDate?
    public var amount: Money?
    public var invoiceNumbers: [String]
    /// Filled by the collections stage by comparing against payments; `pending` until then.
    public var status: Status
    /// Extraction confidence, 0…1.
    public var confidence: Double
    /// The text the promise was read from.
    public var text: String
    public var provenance: Provenance

    public init(id: RecordID, customer: RecordID?, madeOn: LocalDate, promisedDate: LocalDate? = nil,
                amount: Money? = nil, invoiceNumbers: [String] = [], status: Status = .pending,
                confidence: Double = 0, text: String, provenance: Provenance) {
        self.id = id; self.customer = customer; self.madeOn = madeOn; self.promisedDate = promisedDate
        self.amount = amount; self.invoiceNumbers = invoiceNumbers; self.status = status
        self.confidence = confidence; self.text = text; self.provenance = provenance
    }
}
