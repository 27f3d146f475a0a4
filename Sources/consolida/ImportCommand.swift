import ArgumentParser
import Foundation
import Mapping
import NotesReader
import Pipeline
import Receivables
import Reports
import Tabular

/// `consolida import FILE... --out DIR`: readers and mapping only. Writes the normalized records,
/// the rejects and the row accounting, without reconciling anything.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read sources into normalized records, without reconciling: customers, invoices, payments, contacts, promises.",
        discussion: """
            Reads CSV and XLSX through the mapping stage, and collectors' notebooks, WhatsApp chats \
            (.txt or .zip), Google Keep (.json) and Evernote (.enex) exports through the notes reader; \
            the kind is detected from the content unless --kind says it. Writes customers.csv, \
            invoices.csv, payments.csv, contacts.csv, promises.csv (each record with its source file, \
            sheet, row and line), rejects.csv (every row or line not imported, with the reason and its \
            raw text) and import-summary.json (per source, sheet and table: rows read, imported, \
            rejected, blank, skipped). The folder is replaced only when complete.
            """)

    @Argument(help: "Source files: CSV, XLSX, notebooks, WhatsApp chats, Keep or Evernote exports.")
    var files: [String]

    @Option(help: "How to read every file: auto (by content), csv, xlsx, notebook, whatsapp, enex, keep.")
    var kind: SourceKind = .auto

    @Option(help: "A mapping file (YAML; see Mappings/README.md). Applied to the files its patterns match.")
    var mapping: String?

    @OptionGroup var region: RegionOptions

    @Option(name: .customLong("own-name"),
            help: "A name or phone of the company's own side in chats (repeatable): every other author is the customer.")
    var ownNames: [String] = []

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "YYYY-MM-DD: a notebook whose dates write no year anywhere takes the latest such date not after it.")
    var asOf: String?

    @Flag(help: ArgumentHelp("Build every row into full records, also rows that could be written from their plain values (to check that both ways write the same bytes).",
                             visibility: .hidden))
    var recordPath = false

    @Option(help: ArgumentHelp("Rows of each sheet held for table finding and column profiling; the rest are streamed (to test streaming on small files).",
                               visibility: .hidden))
    var windowRows: Int?

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, not \"\(asOf)\"")
        }
    }

    func run() throws {
        let mappingFile = try CommandSupport.loadMapping(mapping)
        var sources: [(file: String, format: String, error: String?, batch: ImportBatch)] = []
        var diagnostics: [Diagnostic] = [], notListed: [String: Int] = [:]
        var unreadable = false
        let folder = OutputFolder(path: out)
        let output: ImportOutput
        do {
            try folder.prepare(inputs: files + (mapping.map { [$0] } ?? []))
            output = try ImportOutput(folder: folder)
        } catch let refused as OutputError {
            folder.discard()
            CommandSupport.note("error: \(refused)")
            throw ConsolidaExit.outputFailed
        } catch {
            folder.discard()
            CommandSupport.note("error: cannot write \(out): \(ErrorText.describe(error))")
            throw ConsolidaExit.outputFailed
        }
        // A file named twice (`a.csv ./a.csv`) is read once: twice, its records would be written
        // twice under the same IDs.
        var seen = Set<String>()
        for path in files {
            guard seen.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted else {
                CommandSupport.note("warning: \(path) is given twice; imported once")
                continue
            }
            let format = SourceFormat.detect(path: path, forced: kind)
            do {
                // Records go to the files as they are built; the batch keeps accounting and diagnostics.
                var b = try importFile(path, format: format, mapping: mappingFile, output: output)
                // A sheet that broke off or could not be opened: what was read is written, and the
                // import exits 3, as `run` does (taken as read, the file's other rows would be lost unseen).
                if b.diagnostics.contains(where: { Pipeline.readFailureCodes.contains($0.code) }) { unreadable = true }
                output.take(&b)
                // The values not imported while their rows were, after the file's rows.
                var values = ImportBatch()
                values.rejects = RejectsTable.droppedValues(b.diagnostics)
                if !values.rejects.isEmpty { output.take(&values) }
                sources.append((path, format.rawValue, nil, b))
                diagnostics += b.diagnostics
                notListed.merge(b.diagnosticsNotListed, uniquingKeysWith: +)
            } catch {
                unreadable = true
                CommandSupport.note("error: \(error)")
                sources.append((path, format.rawValue, "\(error)", ImportBatch()))
            }
        }
        // With no source read at all, the outputs of the last good import are worth more than
        // empty files: nothing is written (as `run` does).
        if !sources.isEmpty && sources.allSatisfy({ $0.error != nil }) {
            try? output.close()
            folder.discard()
            CommandSupport.note("error: no source could be read; nothing written, \(out) left as it was")
            throw ConsolidaExit.unreadableSource
        }
        var summary = ImportSummary(sources: sources)
        let counts = output.counts
        summary.customers = counts.customers; summary.invoices = counts.invoices; summary.payments = counts.payments
        summary.contacts = counts.contacts; summary.promises = counts.promises; summary.rejects = counts.rejects
        do {
            do {
                try output.close()
                try summary.jsonData().write(to: folder.staged("import-summary.json"))
                try folder.commit()
            } catch {
                folder.discard()
                throw error
            }
        } catch {
            CommandSupport.note("error: cannot write \(out): \(ErrorText.describe(error))")
            throw ConsolidaExit.outputFailed
        }
        if quiet {
            // `--quiet` prints only errors: a sheet that broke off, a mapping column not found.
            for d in diagnostics where d.severity == .error { CommandSupport.note(d.description) }
        } else {
            CommandSupport.printDiagnostics(diagnostics, notListed: notListed)
            for s in summary.sources where s.error == nil {
                // Every row read is one of the others, as in import-summary.json.
                let t = s.tables
                func sum(_ count: KeyPath<ImportSummary.Table, Int>) -> Int { t.reduce(0) { $0 + $1[keyPath: count] } }
                print("\(s.file): \(sum(\.rowsRead)) rows read: \(sum(\.imported)) imported, \(sum(\.rejected)) rejected, "
                      + "\(sum(\.blank)) blank, \(sum(\.headerRows)) header, \(sum(\.totalsSkipped)) totals, "
                      + "\(sum(\.otherSkipped)) other rows skipped")
            }
            print("\(counts.customers) customers, \(counts.invoices) invoices, \(counts.payments) payments, "
                  + "\(counts.contacts) contacts, \(counts.promises) promises, \(counts.rejects) rejects → \(out)")
        }
        if unreadable { throw ConsolidaExit.unreadableSource }
    }

    /// One file through the reader its format calls for; throws when it cannot be read at all.
    func importFile(_ path: String, format: SourceFormat, mapping mappingFile: MappingFile?,
                    output: ImportOutput) throws -> ImportBatch {
        try SourceOpener.requireFile(path)
        try DefaultImporter.EmptySource.check(path, shownAs: path)
        switch format {
        case .csv, .xlsx:
            let source = try SourceOpener.open(path, format: format)
            var options = ImportOptions(country: region.countryCode, currency: region.currencyCode)
            options.plainRows = !recordPath
            if let windowRows { options.windowRows = max(1, windowRows) }
            if let mappingFile {
                if mappingFile.applies(to: path) { options.mapping = mappingFile }
                else if !quiet { CommandSupport.note("\(path): the mapping's files patterns do not match; automatic mapping used") }
            }
            var batch = ImportBatch()
            if let misnamed = SourceFormat.misnamedWorkbook(path: path, shownAs: path, format: format) {
                batch.diagnostics.append(misnamed)
            }
            Importer(options: options).importSource(source, encoding: ImportOutput.RowRenderer(), into: &batch) {
                output.take(&$0, rendered: $1)
            }
            try DefaultImporter.EmptySource.check(batch, of: source, shownAs: path)
            return batch
        case .notebook, .whatsapp, .enex, .keep:
            var options = NotesImportOptions()
            options.defaultCurrency = region.currencyCode
            options.defaultCountry = region.countryCode
            options.ownNames = ownNames
            options.asOf = asOf.flatMap(LocalDate.init(iso:))
            return try NotesImporter.importFile(path: path, kind: NotesKind(rawValue: format.rawValue), options: options)
        }
    }
}

extension SourceKind: ExpressibleByArgument {}

/// Small pieces the import and map commands share.
enum CommandSupport {
    static func loadMapping(_ path: String?) throws -> MappingFile? {
        guard let path else { return nil }
        do { return try MappingFile.load(path: path) }
        catch { throw ValidationError("\(error)") }
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Warnings and errors on stderr, the first 50 in full and the rest counted by code.
    /// `notListed` counts, by code, the diagnostics an import kept no copy of.
    static func printDiagnostics(_ diagnostics: [Diagnostic], notListed: [String: Int] = [:], limit: Int = 50) {
        let shown = diagnostics.filter { $0.severity >= .warning }
        for d in shown.prefix(limit) { note(d.description) }
        var rest = Dictionary(shown.dropFirst(limit).map { ($0.code, 1) }, uniquingKeysWith: +)
        // Codes only counted past the listing limit: the listed ones say how grave they are.
        let warningCodes = Set(shown.map(\.code))
        rest.merge(notListed.filter { warningCodes.contains($0.key) }, uniquingKeysWith: +)
        let more = rest.values.reduce(0, +)
        if more > 0 {
            note("… and \(more) more: " + rest.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        }
    }
}
