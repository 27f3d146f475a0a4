import Collections
import Foundation
import Receivables
import Reconcile
import Tabular

/// One rendered output file: its name in the output folder and its bytes.
public struct OutputFile: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
}

/// An output file that could not be written; the pipeline maps it to exit code 4.
public struct OutputWriteError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "cannot write \(file): \(reason)" }
}

/// The single entry point the pipeline calls: renders every file of DESIGN.md "Output folder"
/// (except the SQLite store, which the Store module owns) and writes them into a folder.
///
/// The pipeline passes a temporary folder and renames it into place, so this type does not try
/// to be atomic itself. Rendering is pure: the same input gives byte-identical files.
public enum OutputWriter {
    /// The tables written as CSV, in the order they are listed (also the XLSX sheet order).
    public static func tables(_ input: ReportInput) -> [OutputTable] {
        [CustomersTable.table(input), CustomerMembersTable.table(input), CustomerBalancesTable.table(input),
         InvoicesTable.table(input), PaymentsTable.table(input), ContactsTable.table(input),
         PromisesTable.table(input), DiscrepanciesTable.table(input), RejectsTable.table(input),
         WorklistTable.table(input)]
    }

    /// Every output file rendered in memory, in a fixed order.
    public static func render(_ input: ReportInput) -> [OutputFile] {
        render(input, tables: tables(input))
    }

    static func render(_ input: ReportInput, tables: [OutputTable]) -> [OutputFile] {
        var files = tables.map { OutputFile(name: $0.fileName, bytes: CSVWriter.data($0)) }
        files.append(OutputFile(name: DiscrepanciesTable.jsonFileName,
                                bytes: Array(DiscrepanciesTable.json(input).rendered().utf8)))
        files.append(OutputFile(name: HTMLReport.fileName, bytes: Array(HTMLReport.render(input).utf8)))
        return files
    }

    /// Renders every file and writes it into `directory` (created when missing), then
    /// `consolidated.xlsx`, which is streamed into its zip rather than rendered in memory.
    /// - Returns: the URLs written, in the order of ``render(_:)``, then the workbook.
    @discardableResult
    public static func write(result: ReconciliationResult, batch: ImportBatch, collections: CollectionsReport,
                             to directory: URL) throws -> [URL] {
        try write(ReportInput(result: result, batch: batch, collections: collections), to: directory)
    }

    /// The shape of the pipeline's `OutputWriting` stage: computes the collections view with the
    /// given settings and returns the file names written. The settings are not optional: the
    /// default currency among them decides customers' currencies, and `consolida report` once
    /// left it out and wrote other bytes than the run.
    @discardableResult
    public static func write(result: ReconciliationResult, batch: ImportBatch, settings: CollectionsSettings,
                             to directory: URL) throws -> [String] {
        let collections = CollectionsReport(result: result, settings: settings)
        return try write(result: result, batch: batch, collections: collections, to: directory)
            .map(\.lastPathComponent)
    }

    @discardableResult
    public static func write(_ input: ReportInput, to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputWriteError(file: directory.path, reason: "\(error)")
        }
        let tables = tables(input)
        var written: [URL] = []
        for file in render(input, tables: tables) {
            let url = directory.appendingPathComponent(file.name)
            do {
                try Data(file.bytes).write(to: url)
            } catch {
                throw OutputWriteError(file: url.path, reason: "\(error)")
            }
            written.append(url)
        }
        let xlsx = directory.appendingPathComponent(XLSXExport.fileName)
        do {
            try XLSXExport.write(tables, to: xlsx.path)
        } catch {
            throw OutputWriteError(file: xlsx.path, reason: "\(error)")
        }
        written.append(xlsx)
        return written
    }
}
