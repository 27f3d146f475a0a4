import Collections
import Receivables
import Reconcile
import Tabular

/// Everything the writers read.
public struct ReportInput: Sendable {
    public var result: ReconciliationResult
    public var batch: ImportBatch
    public var collections: CollectionsReport

    public init(result: ReconciliationResult, batch: ImportBatch, collections: CollectionsReport) {
        self.result = result; self.batch = batch; self.collections = collections
    }

    public var asOf: LocalDate { collections.settings.asOf }
}

/// The four location columns every record-level file ends with.
enum LocationColumns {
    static let columns: [OutputColumn] = [
        OutputColumn("source_file"), OutputColumn("source_sheet"),
        OutputColumn("source_row", .integer), OutputColumn("source_line", .integer),
    ]

    static func cells(_ location: SourceLocation?) -> [OutputCell] {
        guard let location else { return [.empty, .empty, .empty, .empty] }
        return [.text(location.file), .text(location.sheet), .integer(location.row), .integer(location.line)]
    }
}

extension Array where Element == String {
    /// Multi-valued cells (phones, emails, invoice numbers) are joined with `; `.
    var joinedList: String { joined(separator: "; ") }
}
