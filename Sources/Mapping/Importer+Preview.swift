import Receivables
import Tabular

/// What importing a source makes of each table (for `consolida inspect`): the table and its
/// mapping, its row accounting, and its first records and rejects, exactly as an import builds them.
public struct ImportPreview: Sendable {
    public struct Table: Sendable {
        public var table: AnalyzedTable
        /// The table's row accounting (as import-summary.json gives it), once its rows are read.
        public var accounting: SourceAccounting?
        /// The table's first records and rejects, in row order, at most the preview's sample size each.
        public var customers: [Customer] = []
        public var invoices: [Invoice] = []
        public var payments: [Payment] = []
        public var rejects: [Reject] = []
    }

    public var tables: [Table] = []
    /// Accounting of rows no table took (a sheet without a header: its rows are rejected).
    public var otherAccounting: [SourceAccounting] = []
    /// Rejects of rows no table took, at most the sample size per sheet.
    public var otherRejects: [Reject] = []
    /// Everything the import said (each code's first diagnostics in full), and each code's count.
    public var diagnostics: [Diagnostic] = []
    public var diagnosticCounts: [String: Int] = [:]
}

extension Importer {
    /// Imports `source` as ``importSource(_:into:flush:)`` does, keeping of its records only the
    /// first `samples` of each kind per table: a preview that finds the same tables, maps the same
    /// columns and accounts for every row the same way as the import itself.
    public func preview(_ source: any TabularSource, samples: Int = 5) -> ImportPreview {
        var preview = ImportPreview()
        var otherRejects: [String: Int] = [:]
        /// The table a record at `location` belongs to: on its sheet, the last whose header is above
        /// it; of tables side by side on that header, the one owning the location's column, or the
        /// one its record ID names the first column of.
        func tableIndex(_ location: SourceLocation, id: RecordID?) -> Int? {
            guard let row = location.row else { return nil }
            let above = preview.tables.indices.filter {
                preview.tables[$0].table.sheetName == location.sheet && preview.tables[$0].table.headerRowNumber < row
            }
            guard let header = above.map({ preview.tables[$0].table.headerRowNumber }).max() else { return nil }
            let candidates = above.filter { preview.tables[$0].table.headerRowNumber == header }
            guard candidates.count > 1 else { return candidates.first }
            if let column = location.column,
               let owner = candidates.first(where: { preview.tables[$0].table.region.columns?.contains(column) == true }) {
                return owner
            }
            guard let id else { return candidates.first }
            return candidates.first { t in
                guard let first = preview.tables[t].table.region.firstColumnBesideAnother else { return false }
                return id.rawValue.contains("!" + CellRef.columnLetters(first) + String(row))
            } ?? candidates.first
        }
        func keep<R>(_ records: [R], _ path: WritableKeyPath<ImportPreview.Table, [R]>,
                     location: (R) -> SourceLocation, id: (R) -> RecordID?) {
            for r in records {
                guard let t = tableIndex(location(r), id: id(r)) else { continue }
                if preview.tables[t][keyPath: path].count < samples { preview.tables[t][keyPath: path].append(r) }
            }
        }
        /// Keeps the samples of the records the batch holds, and empties it of them.
        func take(_ batch: inout ImportBatch) {
            keep(batch.customers, \.customers, location: \.provenance.location, id: \.id)
            keep(batch.invoices, \.invoices, location: \.provenance.location, id: \.id)
            keep(batch.payments, \.payments, location: \.provenance.location, id: \.id)
            for r in batch.rejects {
                if let t = tableIndex(r.location, id: nil) {
                    if preview.tables[t].rejects.count < samples { preview.tables[t].rejects.append(r) }
                } else if otherRejects[r.location.sheet ?? "", default: 0] < samples {
                    otherRejects[r.location.sheet ?? "", default: 0] += 1
                    preview.otherRejects.append(r)
                }
            }
            batch.customers = []; batch.invoices = []; batch.payments = []; batch.rejects = []
        }
        var batch = ImportBatch()
        importSource(source, encoding: KeepRecords(), into: &batch, flush: { batch, _ in take(&batch) },
                     onTables: { preview.tables += $0.map { ImportPreview.Table(table: $0) } })
        for a in batch.accounting {
            if let t = preview.tables.firstIndex(where: {
                $0.accounting == nil && $0.table.sheetName == a.sheet && $0.table.name == a.table
            }) {
                preview.tables[t].accounting = a
            } else {
                preview.otherAccounting.append(a)
            }
        }
        preview.diagnostics = batch.diagnostics
        preview.diagnosticCounts = batch.diagnosticCounts
        return preview
    }
}
