import Tabular

/// A dated contact with a customer: a call, a visit, a WhatsApp message, an email, a note.
public struct ContactEvent: Hashable, Sendable, Codable {
    public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
        case call, visit, whatsapp, email, note
    }

    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case promiseToPay = "promise_to_pay"
        case saysPaid = "says_paid"
        case dispute
        case noAnswer = "no_answer"
        case wrongNumber = "wrong_number"
        case requestsInvoiceCopy = "requests_invoice_copy"
        case other
    }

    public var id: RecordID
    /// The customer record (a notebook section's or a chat's customer).
    public var customer: RecordID?
    public var date: LocalDate
    public var time: TimeOfDay?
    public var channel: Channel
    public var author: String?
    public var outcome: Outcome
    /// Confidence of the outcome classification, 0…1.
    public var outcomeConfidence: Double
    public var text: String
    /// Amounts, invoice numbers, phones, emails and tax IDs mentioned in the text.
    public var mentionedAmounts: [Money]
    public var mentionedInvoices: [String]
    public var mentionedPhones: [String]
    public var mentionedEmails: [String]
    public var mentionedTaxIDs: [String]
    public var provenance: Provenance

    public init(id: RecordID, customer: RecordID?, date: LocalDate, time: TimeOfDay? = nil,
                channel: Channel, author: String? = nil, outcome: Outcome = .other,
                outcomeConfidence: Double = 0, text: String, mentionedAmounts: [Money] = [],
                mentionedInvoices: [String] = [], mentionedPhones: [String] = [],
                mentionedEmails: [String] = [], mentionedTaxIDs: [String] = [], provenance: Provenance) {
        self.id = id; self.customer = customer; self.date = date; self.time = time; self.channel = channel
        self.author = author; self.outcome = outcome; self.outcomeConfidence = outcomeConfidence
        self.text = text; self.mentionedAmounts = mentionedAmounts; self.mentionedInvoices = mentionedInvoices
        self.mentionedPhones = mentionedPhones; self.mentionedEmails = mentionedEmails
        self.mentionedTaxIDs = mentionedTaxIDs; self.provenance = provenance
    }
}

// TimeOfDay and LocalDate are Codable through their ISO text.
extension TimeOfDay: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        let p = s.split(separator: ":")
        guard p.count == 3, let h = Int(p[0]), let m = Int(p[1]),
              let sec = Double(p[2]), let t = TimeOfDay(hour: h, minute: m, second: Int(sec),
                                                        microsecond: Int(((sec - sec.rounded(.down)) * 1e6).rounded()))
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not HH:MM:SS: \(s)") }
        self = t
    }
}
