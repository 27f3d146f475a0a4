import Collections
import Foundation
import Receivables
import Reconcile
import Tabular

/// What every importer needs to know besides the file.
public struct ImportContext: Sendable {
    public var country: String?
    public var currency: Currency?
    /// The mapping file's path (resolved), when the source names one.
    public var mappingPath: String?
    public var kind: SourceKind
    public var label: String?
    public var priority: Int
    /// The company's own people in chats (``RunConfiguration/ownNames``).
    public var ownNames: [String] = []
    /// The run's as-of date: the year of a notebook's dates when nothing in the file gives one.
    public var asOf: LocalDate?
}

/// Reads one source file into records. Throws only when the file cannot be read at all
/// (the run goes on with the other sources and exits with code 3).
public protocol SourceImporting: Sendable {
    /// The format a source will be read as (`csv`, `xlsx`, `notebook`, `whatsapp`, …).
    func detectKind(of source: DiscoveredSource, forced: SourceKind) -> String
    func importSource(_ source: DiscoveredSource, context: ImportContext) throws -> ImportBatch
}

/// Turns all records into consolidated customers, invoices and discrepancies.
public protocol Reconciling: Sendable {
    func reconcile(_ batch: ImportBatch, previous: IDMap?, configuration: RunConfiguration) throws -> ReconciliationResult
}

/// Writes the output files (CSV, JSON, HTML, XLSX) into a folder.
public protocol OutputWriting: Sendable {
    /// Returns the file names written. `settings` (as-of date, default currency, the `collections:`
    /// block) are the run's (``RunConfiguration/collectionsSettings(asOf:)``), which the store keeps.
    func write(result: ReconciliationResult, batch: ImportBatch, settings: CollectionsSettings, to folder: URL) throws -> [String]
}

/// The three stages a run is made of; the CLI passes the real ones, tests may pass others.
public struct PipelineStages: Sendable {
    public var importer: any SourceImporting
    public var reconciler: any Reconciling
    public var writer: any OutputWriting

    public init(importer: any SourceImporting, reconciler: any Reconciling, writer: any OutputWriting) {
        self.importer = importer; self.reconciler = reconciler; self.writer = writer
    }
}
