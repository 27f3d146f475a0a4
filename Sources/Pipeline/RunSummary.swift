import Foundation
import Receivables
import Reconcile
import Reports

/// What a run did, printed as JSON with `--json` and kept in the store's run record.
///
/// A run that wrote nothing (no source could be read, or every source is optional and none
/// matched a file) has no `run_id` and no `files`.
public struct RunSummary: Codable, Sendable, Equatable {
    public struct SourceSummary: Codable, Sendable, Equatable {
        public var path: String
        public var kind: String
        /// `imported`, `unreadable`.
        public var status: String
        public var error: String?
        public var rowsRead: Int
        public var imported: Int
        public var rejected: Int
        public var blank: Int
        public var skipped: Int

        enum CodingKeys: String, CodingKey {
            case path, kind, status, error, rowsRead = "rows_read", imported, rejected, blank, skipped
        }
    }

    public var runID: Int64?
    public var exitCode: Int32
    public var asOf: String
    public var output: String
    public var sources: [SourceSummary]
    /// Configured paths and globs that matched no file (each also an `unreadable` source).
    public var missingPatterns: [String]
    /// `optional` sources that matched no file: not sources of this run, and no error.
    public var absentOptionalPatterns: [String]
    /// `source_customer_records`, `customers`, `invoices`, `payments`, `contacts`, `promises`, `rejects`,
    /// `discrepancies`, `discrepancies_error`, `discrepancies_warning`, `discrepancies_info`.
    public var counts: [String: Int]
    public var files: [String]

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", exitCode = "exit_code", asOf = "as_of", output, sources
        case missingPatterns = "missing_patterns", absentOptionalPatterns = "absent_optional_patterns", counts, files
    }

    // By hand, for `files`: absent from a run that wrote nothing (as `run_id` is), so that a job
    // testing for the key does not take an empty list for outputs written.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(runID, forKey: .runID)
        try c.encode(exitCode, forKey: .exitCode); try c.encode(asOf, forKey: .asOf); try c.encode(output, forKey: .output)
        try c.encode(sources, forKey: .sources); try c.encode(missingPatterns, forKey: .missingPatterns)
        try c.encode(absentOptionalPatterns, forKey: .absentOptionalPatterns); try c.encode(counts, forKey: .counts)
        if runID != nil || !files.isEmpty { try c.encode(files, forKey: .files) }
    }

    /// Every count is there even when nothing was reconciled, so a job reads the same keys each night.
    static func counts(batch: ImportBatch, result: ReconciliationResult) -> [String: Int] {
        var counts: [String: Int] = [
            "source_customer_records": batch.customers.count,
            "source_invoice_records": batch.invoices.count,
            "customers": result.customers.count,
            "invoices": result.invoices.count,
            "payments": result.payments.count,
            "contacts": result.contacts.count,
            "promises": result.promises.count,
            "rejects": batch.rejects.count + RejectsTable.droppedValues(batch.diagnostics).count,  // rejects.csv's lines
            "discrepancies": result.discrepancies.count,
        ]
        for severity in Discrepancy.Severity.allCases {
            counts["discrepancies_\(severity.rawValue)"] = result.discrepancies.filter { $0.severity == severity }.count
        }
        return counts
    }
}

extension ReconciliationResult {
    /// The result of reconciling no records: the counts of a run that read nothing.
    static let nothingReconciled = ReconciliationResult(customers: [], invoices: [], payments: [], contacts: [], promises: [],
                                                        discrepancies: [], customerIDByRecord: [:])
}
