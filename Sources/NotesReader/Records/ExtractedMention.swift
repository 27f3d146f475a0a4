import Tabular

/// One fact read from an entry's text, with how sure the reader is and where it was written.
public struct ExtractedMention: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case outcome, channel, amount, promiseDate = "promise_date", invoice, phone, email, taxID = "tax_id"
    }

    public var kind: Kind
    /// The value as text (`500.00 USD`, `2024-03-15`, `F-123`, `promise_to_pay`).
    public var value: String
    /// 0…1.
    public var confidence: Double
    public var location: SourceLocation

    public init(kind: Kind, value: String, confidence: Double, location: SourceLocation) {
        self.kind = kind; self.value = value; self.confidence = confidence; self.location = location
    }
}
