import CSVReader
import Foundation
import Mapping
import NotesReader
import Receivables
import Tabular
import XLSXReader

/// The real import stage: tables through the readers and the mapping stage, notes through the
/// notes reader. Records carry the source's label and priority from the configuration.
public struct DefaultImporter: SourceImporting {
    public init() {}

    public func detectKind(of source: DiscoveredSource, forced: SourceKind) -> String {
        SourceFormat.detect(path: source.path, forced: forced).rawValue
    }

    /// A source that holds nothing to read.
    public struct EmptySource: Error, CustomStringConvertible {
        public var path: String
        /// What is empty, when not the file's bytes (a workbook without a value in any sheet).
        public var detail: String?
        public init(path: String, detail: String? = nil) { self.path = path; self.detail = detail }
        public var description: String {
            "\(path) is empty (\(detail ?? "no bytes, or only blank space")): nothing to import; was the export interrupted?"
        }

        /// Throws when a table source gave no row at all, and nothing said why: a workbook with
        /// no sheet, or whose sheets hold no value (an empty CSV is caught before reading).
        public static func check(_ batch: ImportBatch, of source: any TabularSource, shownAs displayPath: String) throws {
            try check(batch.accounting, batch.diagnostics, of: source, shownAs: displayPath)
        }

        /// ``check(_:of:shownAs:)`` of an import's preview (`consolida inspect`).
        public static func check(_ preview: ImportPreview, of source: any TabularSource, shownAs displayPath: String) throws {
            try check(preview.tables.compactMap(\.accounting) + preview.otherAccounting, preview.diagnostics,
                      of: source, shownAs: displayPath)
        }

        static func check(_ accounting: [SourceAccounting], _ diagnostics: [Diagnostic], of source: any TabularSource,
                          shownAs displayPath: String) throws {
            guard accounting.allSatisfy({ $0.rowsRead == 0 }),
                  !diagnostics.contains(where: { $0.severity == .error }) else { return }
            let names = source.sheets.map { $0.name ?? "" }
            throw EmptySource(path: displayPath, detail: names.isEmpty ? "the workbook has no sheet"
                              : "no sheet holds a value; sheets: " + names.joined(separator: ", "))
        }

        /// Throws when the file at `path` holds nothing: no bytes, or only a byte-order mark and
        /// blank space (what an export that wrote its header and stopped leaves behind).
        public static func check(_ path: String, shownAs displayPath: String) throws {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
            guard let size, size <= 64 else { return }
            if size == 0 { throw EmptySource(path: displayPath) }
            guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else { return }
            // The byte-order marks the CSV reader knows (UTF-8, 16 and 32).
            let body = bytes.dropFirst(EncodingDetector.detect(bytes).bomLength)
            // UTF-16's and UTF-32's blank space is the same bytes with zeros between.
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }) {
                throw EmptySource(path: displayPath)
            }
        }
    }

    public func importSource(_ source: DiscoveredSource, context: ImportContext) throws -> ImportBatch {
        try EmptySource.check(source.path, shownAs: source.displayPath)
        let format = SourceFormat.detect(path: source.path, forced: context.kind)
        var batch: ImportBatch
        switch format {
        case .csv, .xlsx:
            let table: any TabularSource = try Self.openTable(source.path, format: format)
            var options = ImportOptions(country: context.country, currency: context.currency, sourceLabel: context.label)
            var unapplied: Diagnostic?
            if let mappingPath = context.mappingPath {
                let mapping = try MappingFile.load(path: mappingPath)
                // A mapping names the files it was written for (`files:`); a source's glob may match
                // others, which are mapped automatically, as `consolida import` maps them.
                if mapping.applies(to: source.displayPath) || mapping.applies(to: source.path) {
                    options.mapping = mapping
                } else {
                    let name = (mappingPath as NSString).lastPathComponent
                    unapplied = Diagnostic(.info, code: "MAP-MAPPING-NOT-APPLIED",
                                           "the mapping \(name)'s files patterns do not match this file: automatic mapping used",
                                           at: SourceLocation(file: source.displayPath))
                }
            }
            batch = Importer(options: options).importSource(table)
            if let unapplied { batch.diagnostics.insert(unapplied, at: 0) }
            try EmptySource.check(batch, of: table, shownAs: source.displayPath)
            if let misnamed = SourceFormat.misnamedWorkbook(path: source.path, shownAs: source.displayPath, format: format) {
                batch.diagnostics.insert(misnamed, at: 0)
            }
        case .notebook, .whatsapp, .enex, .keep:
            var options = NotesImportOptions()
            options.defaultCurrency = context.currency
            options.defaultCountry = context.country
            options.sourceLabel = context.label
            options.ownNames = context.ownNames
            options.asOf = context.asOf
            options.displayName = source.displayPath
            batch = try NotesImporter.importFile(path: source.path, kind: NotesKind(rawValue: format.rawValue), options: options)
        }
        Self.prioritize(&batch, priority: context.priority)
        return batch
    }

    /// Opens a table-shaped file. Title and note lines above a CSV table are kept: the mapping
    /// stage finds the header itself, so every line is counted in the row accounting.
    public static func openTable(_ path: String, format: SourceFormat) throws -> any TabularSource {
        switch format {
        case .xlsx:
            return try XLSXWorkbook(path: path)
        default:
            var options = CSVOptions()
            options.preambleRecords = 0
            // Every row a spreadsheet shows is accounted for, an empty line as a blank row.
            options.keepsBlankLines = true
            // `="000123"` is how a CSV tells a spreadsheet to keep a document number's zeros.
            options.unwrapsTextFormulas = true
            return try CSVFile.open(path: path, options: options)
        }
    }

    /// The configuration's priority (when set) wins over the mapping's in survivorship. (Its label
    /// is given to the readers, so every record and value carries it.)
    static func prioritize(_ batch: inout ImportBatch, priority: Int) {
        if priority != 0 {
            for i in batch.customers.indices { batch.customers[i].sourcePriority = priority }
            for i in batch.invoices.indices { batch.invoices[i].sourcePriority = priority }
        }
    }
}
