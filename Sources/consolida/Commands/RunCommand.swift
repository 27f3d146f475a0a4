import ArgumentParser
import Foundation
import Logging
import Pipeline
import Receivables
import Tabular

/// `consolida run [CONFIG]` or `consolida run PATH... --out DIR`: the whole job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import every source, reconcile, and write the store and the output folder.",
        discussion: """
            With a configuration (consolida.yaml, or ./consolida.yaml when no argument is given), \
            paths in it are relative to its folder. Without one, name files, folders or globs and \
            an output folder: consolida run ventas/ erp.csv --out out --country VE --currency USD.

            Exit codes: 0 success; 1 discrepancies at or above --fail-on; 2 usage or configuration \
            error; 3 a source could not be read or matches no file (the others are still \
            consolidated unless --strict; with none read, nothing is written); 4 outputs could not \
            be written (the previous outputs are left intact). A source marked optional: true in \
            consolida.yaml may match no file (a note, exit 0; with nothing imported at all, \
            nothing is written).
            """)

    @Argument(help: "A consolida.yaml, or the files, folders and globs to read.")
    var inputs: [String] = []

    @Option(help: "Output folder (overrides the configuration's).")
    var out: String?

    @Option(help: "The SQLite store (default: <out>/consolida.sqlite).")
    var store: String?

    @OptionGroup var region: RegionOptions

    @Option(name: .customLong("own-name"),
            help: "A name or phone of the company's own side in chats (repeatable; adds to the configuration's own_names).")
    var ownNames: [String] = []

    @Option(help: "The date overdue figures are computed at, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Exit with 1 when a discrepancy at or above this severity is found: never, info, warning, error.")
    var failOn: FailThreshold?

    @Flag(help: "Stop at the first unreadable source and write nothing.")
    var strict = false

    @Option(help: ArgumentHelp("How many of the latest runs keep their full snapshot in the store, for report --run and diff (default \(RunConfiguration.defaultKeepRuns)).",
                               valueName: "n"))
    var keepRuns: Int?

    @Flag(help: "Print the run summary as JSON on stdout.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, not \"\(asOf)\"")
        }
        if let keepRuns, keepRuns < 1 { throw ValidationError("--keep-runs must be at least 1, not \(keepRuns)") }
    }

    func run() throws {
        let logger = logging.bootstrap()
        var config = try loadConfiguration(logger: logger)
        if let out { config.output = absolute(out) }
        if let store { config.store = absolute(store) }
        if let country = region.countryCode { config.country = country }
        if let currency = region.currencyCode { config.currency = currency }
        if let asOf { config.asOf = LocalDate(iso: asOf) }
        if let failOn { config.failOn = failOn }
        if strict { config.strict = true }
        if let keepRuns { config.keepRuns = keepRuns }
        config.ownNames += ownNames

        // Paths in provenance are shown relative to the configuration's folder, so the same
        // sources give the same outputs wherever the command is started from.
        let userDirectory = FileManager.default.currentDirectoryPath
        if config.baseDirectory != "." {
            guard FileManager.default.changeCurrentDirectoryPath(config.baseDirectory) else {
                throw ValidationError("cannot enter \(config.baseDirectory)")
            }
            config.baseDirectory = "."
        }
        let progress = ProgressLine(enabled: logging.showsProgress)
        let pipeline = Pipeline(configuration: config, stages: .standard(for: config), logger: logger,
                                progress: { progress.show($0) })
        let outputShown = Self.relative(URL(fileURLWithPath: config.outputPath).standardizedFileURL.path, to: userDirectory)
        let summary: RunSummary
        do {
            summary = try pipeline.run()
            progress.clear()
        } catch let failure as Pipeline.Failure {
            progress.clear()
            logger.error("\(failure.message)")
            // A run that read its sources and then wrote nothing still says, under --json, what
            // each source did; the text output has only the error above.
            if json {
                if let found = failure.summary { try Self.printJSON(found, output: outputShown) }
                else { Self.printJSONError(failure.message, exitCode: failure.exitCode) }
            }
            throw ExitCode(failure.exitCode)
        }
        if json {
            try Self.printJSON(summary, output: outputShown)
        } else if !logging.quiet {
            print(Self.text(summary, output: outputShown))
        }
        // Why a finished run fails, said even with --quiet (a nightly log otherwise shows nothing).
        if summary.exitCode == 1, let reached = Self.failOnReached(summary, threshold: config.failOn) {
            logger.error("\(reached)")
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// `N discrepancies at or above warning (--fail-on warning)`, when the threshold was reached.
    static func failOnReached(_ summary: RunSummary, threshold: FailThreshold) -> String? {
        let severities: [String]
        switch threshold {
        case .never: return nil
        case .info: severities = ["error", "warning", "info"]
        case .warning: severities = ["error", "warning"]
        case .error: severities = ["error"]
        }
        let count = severities.reduce(0) { $0 + (summary.counts["discrepancies_\($1)"] ?? 0) }
        guard count > 0 else { return nil }
        return "\(count) discrepanc\(count == 1 ? "y" : "ies") at or above \(threshold.rawValue) (--fail-on \(threshold.rawValue)): exit code 1"
    }

    /// The configuration named, or found, or made from the command line's paths.
    /// The configuration the arguments name; a mistake in its file is logged (as JSON lines with
    /// `--log-format json`, as every other error a nightly job's log collector reads) and exits 2.
    func loadConfiguration(logger: Logger) throws -> RunConfiguration {
        let yamlArguments = inputs.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        do {
            if yamlArguments.count == 1 && inputs.count == 1 {
                return try RunConfiguration.load(path: inputs[0])
            }
            if !yamlArguments.isEmpty {
                throw ValidationError("name either one configuration file or the sources to read, not both")
            }
            if inputs.isEmpty {
                guard FileManager.default.fileExists(atPath: "consolida.yaml") else {
                    throw ValidationError("no consolida.yaml here: name a configuration, or the files to read with --out")
                }
                return try RunConfiguration.load(path: "consolida.yaml")
            }
        } catch let error as ConfigurationError {
            // A mistake in the file, not in the command line: the message alone, without the usage text.
            logger.error("\(error)")
            if json { Self.printJSONError("\(error)", exitCode: 2) }
            throw ExitCode(2)
        }
        guard out != nil else { throw ValidationError("--out is required when sources are named on the command line") }
        return RunConfiguration(sources: inputs.map { RunConfiguration.Source(path: $0) })
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The summary as one JSON object on stdout, with the output folder as the user named it.
    static func printJSON(_ summary: RunSummary, output: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var shown = summary
        shown.output = output
        print(String(decoding: try encoder.encode(shown), as: UTF8.self))
    }

    /// A run that stopped before it had a summary (a configuration error, an output folder it
    /// may not write): under `--json` a job reading stdout still gets one object, with the exit
    /// code and the error.
    static func printJSONError(_ message: String, exitCode: Int32) {
        let object: [String: Any] = ["exit_code": Int(exitCode), "error": message]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) {
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// The few lines a person reads after a run.
    static func text(_ s: RunSummary, output: String) -> String {
        // Every source optional and absent: there is no report to point at (the notice on
        // stderr says why).
        if s.runID == nil && s.files.isEmpty {
            return "Nothing imported (as of \(s.asOf)), so nothing was written; the previous outputs in \(output) "
                + "are left as they were."
        }
        var lines: [String] = []
        for source in s.sources {
            if source.status == "unreadable" {
                lines.append("  ✗ \(source.path): \(source.error ?? "unreadable")")
            } else {
                lines.append("  \(source.path) [\(source.kind)]: \(source.rowsRead) rows, \(source.imported) imported, "
                             + "\(source.rejected) rejected, \(source.blank) blank, \(source.skipped) skipped")
            }
        }
        let c = s.counts
        lines.append("\(c["source_customer_records"] ?? 0) customer records → \(c["customers"] ?? 0) customers; "
                     + "\(c["invoices"] ?? 0) documents, \(c["payments"] ?? 0) payments, \(c["contacts"] ?? 0) contacts, "
                     + "\(c["promises"] ?? 0) promises")
        lines.append("\(c["discrepancies"] ?? 0) discrepancies (\(c["discrepancies_error"] ?? 0) error, "
                     + "\(c["discrepancies_warning"] ?? 0) warning, \(c["discrepancies_info"] ?? 0) info); "
                     + "\(c["rejects"] ?? 0) rejected rows or values")
        lines.append("Report: \((output as NSString).appendingPathComponent("report.html"))")
        return (["Consolidated \(s.sources.count) sources (as of \(s.asOf)):"] + lines).joined(separator: "\n")
    }
}

extension FailThreshold: ExpressibleByArgument {}

/// One self-rewriting status line on stderr, drawn only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ text: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func clear() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
