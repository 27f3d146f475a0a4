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
    /// Diagnostics counted but not kept, by code: past the first ``listedPerCode`` of a code in a
    /// table, a warning repeated on every row of a large sheet is only counted.
    public var diagnosticsNotListed: [String: Int] = [:]

    /// How many diagnostics of one code a table keeps in full.
    public static let listedPerCode = 1_000

    public init() {}

    /// Appends another batch (used when importing several files).
    public mutating func append(_ other: ImportBatch) {
        customers += other.customers; invoices += other.invoices; payments += other.payments
        contacts += other.contacts; promises += other.promises; rejects += other.rejects
        accounting += other.accounting; diagnostics += other.diagnostics
        diagnosticsNotListed.merge(other.diagnosticsNotListed, uniquingKeysWith: +)
    }

    /// Every diagnostic by code, the listed and the only counted.
    public var diagnosticCounts: [String: Int] {
        var counts = diagnosticsNotListed
        for d in diagnostics { counts[d.code, default: 0] += 1 }
        return counts
    }

    private enum CodingKeys: String, CodingKey {
        case customers, invoices, payments, contacts, promises, rejects, accounting, diagnostics, diagnosticsNotListed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customers = try c.decode([Customer].self, forKey: .customers)
        invoices = try c.decode([Invoice].self, forKey: .invoices)
        payments = try c.decode([Payment].self, forKey: .payments)
        contacts = try c.decode([ContactEvent].self, forKey: .contacts)
        promises = try c.decode([PromiseToPay].self, forKey: .promises)
        rejects = try c.decode([Reject].self, forKey: .rejects)
        accounting = try c.decode([SourceAccounting].self, forKey: .accounting)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
        diagnosticsNotListed = try c.decodeIfPresent([String: Int].self, forKey: .diagnosticsNotListed) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customers, forKey: .customers); try c.encode(invoices, forKey: .invoices)
        try c.encode(payments, forKey: .payments); try c.encode(contacts, forKey: .contacts)
        try c.encode(promises, forKey: .promises); try c.encode(rejects, forKey: .rejects)
        try c.encode(accounting, forKey: .accounting); try c.encode(diagnostics, forKey: .diagnostics)
        // Written only when something was left out, so stored batches of small imports keep their bytes.
        if !diagnosticsNotListed.isEmpty { try c.encode(diagnosticsNotListed, forKey: .diagnosticsNotListed) }
    }
}
