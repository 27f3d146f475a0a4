import Foundation
import Logging
import Mapping
import Receivables
import Reconcile
import Store
import Tabular

/// `consolida run`: import every source, reconcile, and write the store and the output folder.
///
/// Exit codes (DESIGN.md): 0 success; 1 discrepancies at or above `failOn`; 3 a source could not be
/// read, or a configured source matches no file (the others are still consolidated unless
/// `strict`; when no source at all could be read, nothing is written); 4 outputs could not be
/// written (the previous outputs are left intact). When several apply, the highest wins.
/// An `optional` source that matches no file is only a note; when every source is optional and
/// none matched, nothing is written and the run exits 0.
public struct Pipeline {
    public var configuration: RunConfiguration
    public var stages: PipelineStages
    public var logger: Logger
    /// Called with a short line as each step starts (the CLI shows it when stderr is a terminal).
    public var progress: @Sendable (String) -> Void

    public init(configuration: RunConfiguration, stages: PipelineStages, logger: Logger,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration; self.stages = stages; self.logger = logger; self.progress = progress
    }

    /// A run that could not even start or finish writing; carries the exit code to use.
    public struct Failure: Error, CustomStringConvertible {
        public var exitCode: Int32
        public var message: String
        /// What the run found before it stopped, when it got as far as reading its sources
        /// (no source could be read): `--json` prints it, so a job reading stdout learns which
        /// sources failed on the night nothing was written, as on any other exit-3 night.
        public var summary: RunSummary? = nil
        public var description: String { message }
    }

    public func run(now: Date = Date()) throws -> RunSummary {
        let config = configuration
        let asOf = config.asOf ?? Self.today(now)
        let outputPath = config.outputPath
        let lock: RunLock
        do {
            lock = try RunLock(outputFolder: outputPath)
        } catch {
            throw Failure(exitCode: 4, message: ErrorText.describe(error))
        }
        defer { withExtendedLifetime(lock) {} }
        // A mapping file the configuration names is configuration: a typo in it is a usage error
        // (exit 2, nothing written), as one in consolida.yaml is, not a source left unread.
        for mapping in Set(config.sources.compactMap(\.mapping)).sorted() {
            do { _ = try MappingFile.load(path: config.resolve(mapping)) } catch {
                throw Failure(exitCode: 2, message: ErrorText.describe(error))
            }
        }
        let folder = OutputFolder(path: outputPath)
        do {
            // The run's sources and the files that say how to read them: none may be inside the folder.
            let inputs = config.sources.flatMap { [$0.path] + ($0.mapping.map { [$0] } ?? []) }
                + [config.matching, config.overrides].compactMap { $0 }
            try folder.prepare(inputs: inputs.map { SourceDiscovery.resolve($0, base: config.baseDirectory) })
        } catch { throw Failure(exitCode: 4, message: ErrorText.describe(error)) }

        // 1. Import every source; an unreadable one is reported and the others go on.
        let (sources, misses) = SourceDiscovery.discover(config, excluding: [outputPath, folder.stagingURL.path])
        var batch = ImportBatch()
        var summaries: [RunSummary.SourceSummary] = []
        var records: [SourceRecord] = []
        var perSource: [(file: String, format: String, error: String?, batch: ImportBatch)] = []
        var unreadable = false
        /// A source that could not be read at all: reported everywhere, and the run goes on
        /// (exit 3) unless --strict stops it.
        /// `partial`: the source was read in part (its summary and records are the caller's).
        func noteUnreadable(_ path: String, kind: String, label: String?, fingerprint: (hash: String, size: Int64),
                            error: String, partial: Bool = false) throws {
            unreadable = true
            // Under --strict the run stops on it, and the failure says it once.
            if !config.strict { logger.error("cannot read \(path): \(error)") }
            if !partial {
                perSource.append((path, kind, error, ImportBatch()))
                summaries.append(RunSummary.SourceSummary(path: path, kind: kind, status: "unreadable", error: error,
                                                          rowsRead: 0, imported: 0, rejected: 0, blank: 0, skipped: 0))
                records.append(SourceRecord(path: path, kind: kind, label: label, contentHash: fingerprint.hash,
                                            size: fingerprint.size, error: error))
            }
            batch.diagnostics.append(Diagnostic(.error, code: "RUN-UNREADABLE-SOURCE", error, at: SourceLocation(file: path)))
            if config.strict {
                folder.discard()
                // A nightly job reading `--json` learns which source stopped the run, and what was read before it.
                let stopped = RunSummary(runID: nil, exitCode: 3, asOf: asOf.iso, output: outputPath, sources: summaries,
                                         missingPatterns: misses.filter { !$0.isOptional }.map(\.pattern),
                                         absentOptionalPatterns: misses.filter(\.isOptional).map(\.pattern),
                                         counts: RunSummary.counts(batch: batch, result: .nothingReconciled), files: [])
                throw Failure(exitCode: 3, message: "cannot read \(path): \(error) (--strict: nothing written)", summary: stopped)
            }
        }
        // A source that matches no file is data the run was told to read and did not: the
        // workbook renamed, the export not delivered. Taken as a warning, a nightly job would
        // replace its outputs with fewer invoices and report success. Unless the configuration
        // says the source may be absent: then its absence is expected, and said only as a note.
        let absentOptional = misses.filter(\.isOptional)
        for miss in absentOptional {
            logger.notice("optional source \(miss.pattern): \(miss.isMissingFile ? "no such file" : "no file matches"); skipped")
        }
        let missingRequired = misses.filter { !$0.isOptional }
        for miss in missingRequired {
            let spec = config.sources.first { $0.path == miss.pattern }
            let kind = spec.map { $0.kind == .auto ? "unknown" : $0.kind.rawValue } ?? "unknown"
            try noteUnreadable(miss.pattern, kind: kind, label: spec?.label, fingerprint: (hash: "unreadable", size: 0),
                               error: miss.isMissingFile ? "no such file" : "no file matches")
        }
        for (index, source) in sources.enumerated() {
            progress("[\(index + 1)/\(sources.count)] importing \(source.displayPath)")
            if let refusal = SpecialFile.refusal(source.path) {
                try noteUnreadable(source.displayPath, kind: source.spec.kind == .auto ? "unknown" : source.spec.kind.rawValue,
                                   label: source.spec.label, fingerprint: (hash: "unreadable", size: 0), error: refusal)
                continue
            }
            let kind = stages.importer.detectKind(of: source, forced: source.spec.kind)
            let fingerprint = (try? ContentHash.of(path: source.path)) ?? (hash: "unreadable", size: 0)
            let context = ImportContext(country: config.country, currency: config.currency,
                                        mappingPath: source.spec.mapping.map(config.resolve), kind: source.spec.kind,
                                        label: source.spec.label, priority: source.spec.priority, ownNames: config.ownNames,
                                        asOf: asOf)
            do {
                let imported = try stages.importer.importSource(source, context: context)
                // A sheet that broke off or is missing from its workbook: a source not read whole.
                // Taken as read, a nightly job would publish a book of receivables without it.
                let readFailure = imported.diagnostics.first { Self.readFailureCodes.contains($0.code) }
                if let readFailure, imported.accounting.allSatisfy({ $0.rowsRead == 0 }) {
                    try noteUnreadable(source.displayPath, kind: kind, label: source.spec.label, fingerprint: fingerprint,
                                       error: readFailure.message)
                    continue
                }
                var summary = Self.summary(of: source, kind: kind, batch: imported)
                if let readFailure {
                    // Read in part: what was read is consolidated, and the run exits 3 (--strict stops).
                    try noteUnreadable(source.displayPath, kind: kind, label: source.spec.label, fingerprint: fingerprint,
                                       error: "read in part: \(readFailure.message)", partial: true)
                    summary.error = readFailure.message
                }
                batch.append(imported)
                perSource.append((source.displayPath, kind, summary.error, imported))
                summaries.append(summary)
                records.append(SourceRecord(path: source.displayPath, kind: kind, label: source.spec.label,
                                            contentHash: fingerprint.hash, size: fingerprint.size, error: summary.error))
                logger.info("imported \(source.displayPath)", metadata: ["kind": "\(kind)",
                                                                         "records": "\(imported.invoices.count + imported.customers.count + imported.payments.count + imported.contacts.count)",
                                                                         "rejects": "\(imported.rejects.count)"])
            } catch {
                try noteUnreadable(source.displayPath, kind: kind, label: source.spec.label, fingerprint: fingerprint,
                                   error: "\(error)")
            }
        }

        // With nothing read, outputs would be a complete, empty dataset over the last good one.
        guard summaries.contains(where: { $0.status == "imported" }) else {
            folder.discard()
            let nothingWritten = RunSummary(runID: nil, exitCode: unreadable ? 3 : 0, asOf: asOf.iso, output: outputPath, sources: summaries,
                                            missingPatterns: missingRequired.map(\.pattern),
                                            absentOptionalPatterns: absentOptional.map(\.pattern),
                                            counts: RunSummary.counts(batch: batch, result: .nothingReconciled), files: [])
            guard !unreadable else {
                throw Failure(exitCode: 3, message: "no source could be read: nothing written; the previous outputs in "
                              + "\(outputPath) are left as they were", summary: nothingWritten)
            }
            // Nothing failed: every source is optional and none was there tonight, as the
            // configuration allows. Still no empty dataset over the last good one, and no run
            // record for a run that consolidated nothing.
            logger.notice("""
                nothing to import: every source is optional and none matched a file; nothing written, \
                the previous outputs in \(outputPath) are left as they were
                """)
            return nothingWritten
        }

        var external: ExternalStore?
        do {
            // 2. Reconcile against the IDs earlier runs gave.
            progress("reconciling \(batch.customers.count) customer records")
            external = try config.storePath.map(ExternalStore.init(path:))
            let storeURL = external?.stagingURL ?? folder.staged("consolida.sqlite")
            if config.storePath == nil, let previous = folder.previous("consolida.sqlite") {
                try FileManager.default.copyItem(at: previous, to: storeURL)
            }
            let store = try ConsolidaStore(path: storeURL.path)
            let result = try stages.reconciler.reconcile(batch, previous: try store.idMap(), configuration: config)

            // 3. Outputs and the store.
            progress("writing outputs")
            let settings = config.collectionsSettings(asOf: asOf)
            var files = try stages.writer.write(result: result, batch: batch, settings: settings, to: folder.stagingURL)
            let importSummary = try ImportSummary(sources: perSource).jsonData()
            try importSummary.write(to: folder.staged("import-summary.json"))
            files.append("import-summary.json")
            let counts = RunSummary.counts(batch: batch, result: result)
            var exitCode: Int32 = unreadable ? 3 : 0
            if exitCode == 0, let threshold = Self.severity(config.failOn),
               result.discrepancies.contains(where: { $0.severity >= threshold }) {
                exitCode = 1
            }
            let runID = try store.beginRun(startedAt: now, asOf: asOf, inputs: sources.map(\.displayPath))
            try store.saveRun(runID, importedAt: now, sources: records, batch: batch, result: result,
                              importSummary: importSummary, collectionsSettings: settings, keepSnapshots: config.keepRuns)
            try store.finishRun(runID, finishedAt: Date(), exitCode: exitCode, counts: counts)
            try store.close()
            try folder.commit()
            do { try external?.commit() } catch {
                throw Failure(exitCode: 4, message: "the outputs in \(outputPath) are written, but the store could not be "
                              + "replaced: \(ErrorText.describe(error)); it holds the runs before this one")
            }
            return RunSummary(runID: runID, exitCode: exitCode, asOf: asOf.iso, output: outputPath,
                              sources: summaries, missingPatterns: missingRequired.map(\.pattern),
                              absentOptionalPatterns: absentOptional.map(\.pattern), counts: counts,
                              files: (files + (config.storePath == nil ? ["consolida.sqlite"] : [])).sorted())
        } catch let failure as Failure {
            folder.discard(); external?.discard()
            throw failure
        } catch let error as ConfigurationError {
            folder.discard(); external?.discard()
            throw Failure(exitCode: 2, message: "\(error)")
        } catch {
            folder.discard(); external?.discard()
            throw Failure(exitCode: 4, message: ErrorText.describe(error))
        }
    }

    static func severity(_ threshold: FailThreshold) -> Discrepancy.Severity? {
        switch threshold {
        case .never: return nil
        case .info: return .info
        case .warning: return .warning
        case .error: return .error
        }
    }

    /// Diagnostics that say a source was not read whole: a sheet that could not be opened or broke
    /// off, a sheet its workbook lists without its part, a string table or styles part missing or
    /// broken off.
    public static let readFailureCodes: Set<String> = ["MAP-SHEET-UNREADABLE", "MAP-SHEET-TRUNCATED", "XLSX-MISSING-SHEET-PART",
                                                       "XLSX-MISSING-SHARED-STRINGS", "XLSX-MALFORMED-SHARED-STRINGS",
                                                       "XLSX-MALFORMED-STYLES"]

    static func summary(of source: DiscoveredSource, kind: String, batch: ImportBatch) -> RunSummary.SourceSummary {
        let a = batch.accounting
        return RunSummary.SourceSummary(
            path: source.displayPath, kind: kind, status: "imported", error: nil,
            rowsRead: a.reduce(0) { $0 + $1.rowsRead }, imported: a.reduce(0) { $0 + $1.imported },
            rejected: a.reduce(0) { $0 + $1.rejected }, blank: a.reduce(0) { $0 + $1.blank },
            skipped: a.reduce(0) { $0 + $1.totalsSkipped + $1.headerRows + $1.otherSkipped })
    }

    /// Today's date in the machine's time zone (the as-of date when the configuration gives none).
    public static func today(_ now: Date = Date()) -> LocalDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
    }
}
