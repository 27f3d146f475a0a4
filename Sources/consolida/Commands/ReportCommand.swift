import ArgumentParser
import Collections
import Foundation
import Pipeline
import Store
import Tabular

/// `consolida report`: rewrite the output files from the store, without re-importing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Regenerate the output files (CSV, JSON, HTML, XLSX) from the store without re-importing.",
        discussion: "Useful after a change to the report writers, or to produce the outputs of an earlier run.")

    @OptionGroup var location: StoreLocationOptions

    @Option(name: .customLong("run"), help: "The run whose outputs to write (default: the latest).")
    var runID: Int64?

    @Option(help: "Where to write (default: the folder that holds the store).")
    var to: String?

    /// As `run` takes it: a nightly job's script passes `-q` to each command alike.
    @Flag(name: .shortAndLong, help: "Print only errors on stderr.")
    var quiet = false

    func run() throws {
        let storePath = try location.resolvedPath()
        let store = try location.open()
        guard let snapshot = try store.snapshot(runID: runID) else {
            let finished = try store.runs().filter { $0.finishedAt != nil }.map(\.runID)
            throw ValidationError(runID.map { DiffCommand.missing($0, finished) } ?? "the store has no finished run yet")
        }
        let target = to ?? (storePath as NSString).deletingLastPathComponent
        let lock: RunLock
        do { lock = try RunLock(outputFolder: target) } catch {
            FileHandle.standardError.write(Data("consolida: \(error)\n".utf8))
            throw ConsolidaExit.outputFailed
        }
        defer { withExtendedLifetime(lock) {} }
        let folder = OutputFolder(path: target)
        do {
            try folder.prepare()
            // Files the writers do not make (the store, the import summary) are carried over. The
            // run's own import summary comes from the store; a run saved before the store kept it
            // takes, when it is the latest, the summary that lies beside the store.
            for name in ["consolida.sqlite", "import-summary.json"] {
                if let previous = folder.previous(name) { try FileManager.default.copyItem(at: previous, to: folder.staged(name)) }
            }
            let besideStore = ((storePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("import-summary.json")
            let staged = folder.staged("import-summary.json")
            if let summary = snapshot.importSummary {
                try? FileManager.default.removeItem(at: staged)
                try summary.write(to: staged)
            } else if runID == nil, !FileManager.default.fileExists(atPath: staged.path),
                      FileManager.default.fileExists(atPath: besideStore) {
                try FileManager.default.copyItem(at: URL(fileURLWithPath: besideStore), to: staged)
            }
            // The settings the run wrote its outputs with, so these are the same bytes; a run saved
            // before the store kept them gets the defaults (no default currency).
            let settings = snapshot.collectionsSettings ?? CollectionsSettings(asOf: snapshot.asOf ?? Pipeline.today())
            let asOf = settings.asOf
            let files = try DefaultWriter().write(result: snapshot.result, batch: snapshot.batch, settings: settings,
                                                  to: folder.stagingURL)
            // import-summary.json is rewritten too (above), beside the writer's files.
            let rewritten = files.count + (FileManager.default.fileExists(atPath: staged.path) ? 1 : 0)
            try folder.commit()
            if !quiet { print("Rewrote \(rewritten) files of run \(snapshot.runID) (as of \(asOf.iso)) in \(target)") }
        } catch {
            folder.discard()
            FileHandle.standardError.write(Data("consolida: \(error)\n".utf8))
            throw ConsolidaExit.outputFailed
        }
    }
}

