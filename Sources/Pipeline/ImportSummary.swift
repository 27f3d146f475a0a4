import Foundation
import Receivables

/// `import-summary.json`: the row accounting of every source, sheet and table, so that every input
/// row is seen to be imported, rejected with a reason, or skipped for a stated cause.
public struct ImportSummary: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public var file: String
        public var format: String
        /// Why the file could not be read at all, when it could not.
        public var error: String?
        public var tables: [Table]
        /// How many diagnostics of each code the source produced.
        public var diagnostics: [String: Int]
    }

    public struct Table: Codable, Sendable, Equatable {
        public var sheet: String?
        public var table: String?
        public var rowsRead, imported, rejected, blank, totalsSkipped, headerRows, otherSkipped: Int
        /// `rows_read == imported + rejected + blank + totals_skipped + header_rows + other_skipped`.
        public var balances: Bool

        enum CodingKeys: String, CodingKey {
            case sheet, table, rowsRead = "rows_read", imported, rejected, blank, totalsSkipped = "totals_skipped",
                 headerRows = "header_rows", otherSkipped = "other_skipped", balances
        }

        public init(_ a: SourceAccounting) {
            sheet = a.sheet; table = a.table; rowsRead = a.rowsRead; imported = a.imported; rejected = a.rejected
            blank = a.blank; totalsSkipped = a.totalsSkipped; headerRows = a.headerRows; otherSkipped = a.otherSkipped
            balances = a.balances
        }
    }

    public var sources: [Source]
    public var customers, invoices, payments, contacts, promises, rejects: Int

    /// One entry per source, in the order read; `batches[i]` is what source `i` produced.
    public init(sources: [(file: String, format: String, error: String?, batch: ImportBatch)]) {
        self.sources = sources.map { s in
            Source(file: s.file, format: s.format, error: s.error, tables: s.batch.accounting.map(Table.init),
                   diagnostics: s.batch.diagnosticCounts)
        }
        let all = sources.map(\.batch)
        customers = all.reduce(0) { $0 + $1.customers.count }
        invoices = all.reduce(0) { $0 + $1.invoices.count }
        payments = all.reduce(0) { $0 + $1.payments.count }
        contacts = all.reduce(0) { $0 + $1.contacts.count }
        promises = all.reduce(0) { $0 + $1.promises.count }
        rejects = all.reduce(0) { $0 + $1.rejects.count }
    }

    /// Pretty JSON with sorted keys: the same input is always the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
