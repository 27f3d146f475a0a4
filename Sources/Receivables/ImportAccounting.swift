import Tabular

/// An input row or value that was not imported, with the reason and the place.
public struct Reject: Hashable, Sendable, Codable {
    public var location: SourceLocation
    /// A stable code such as `MAP-NO-AMOUNT`.
    public var code: String
    public var reason: String
    /// The row's cells (or the line) as text, joined by ` | ` for rows.
    public var rawText: String

    public init(location: SourceLocation, code: String, reason: String, rawText: String) {
        self.location = location; self.code = code; self.reason = reason; self.rawText = rawText
    }
}

/// Row accounting for one table of one source. The invariant every importer keeps:
/// `rowsRead == imported + rejected + blank + totalsSkipped + headerRows + otherSkipped`.
public struct SourceAccounting: Hashable, Sendable, Codable {
    public var file: String
    public var sheet: String?
    /// The table's name when one sheet holds several tables.
    public var table: String?
    public var rowsRead = 0
    public var imported = 0
    public var rejected = 0
    public var blank = 0
    public var totalsSkipped = 0
    /// Header rows, title rows, preamble lines and repeated headers inside the data.
    public var headerRows = 0
    public var otherSkipped = 0

    public init(file: String, sheet: String? = nil, table: String? = nil) {
        self.file = file; self.sheet = sheet; self.table = table
    }

    /// Whether every row read is accounted for.
    public var balances: Bool {
        rowsRead == imported + rejected + blank + totalsSkipped + headerRows + otherSkipped
    }
}

/// Everything one or more importers produced: records, rejects, accounting and diagnostics.
public struct ImportBatch: Sendable, Codable {
    public var customers: [Customer] = []
    public var invoices: [Invoice] = []
    public var payments: [Payment] = []
    public var contacts: [ContactEvent] = []
    public var promises: [PromiseToPay] = []
    public var rejects: [Reject] = []
    public var accounting: [SourceAccounting] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// Appends another batch (used when importing several files).
    public mutating func append(_ other: ImportBatch) {
        customers += other.customers; invoices += other.invoices; payments += other.payments
        contacts += other.contacts; promises += other.promises; rejects += other.rejects
        accounting += other.accounting; diagnostics += other.diagnostics
    }
}
