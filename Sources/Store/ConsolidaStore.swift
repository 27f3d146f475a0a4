import Collections
import Foundation
import GRDB
import Receivables
import Reconcile
import Tabular

/// The single source of truth: a SQLite database with every consolidated table, the sources and
/// runs that produced them, the rejects, and the ID map that keeps customer IDs stable.
///
/// Each run replaces the consolidated tables inside one transaction (readers of the file never see
/// half a run) and appends to the history (`runs`, `sources`, `id_map`, `run_snapshots`).
public final class ConsolidaStore {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating when missing) the store at `path` and upgrades its schema.
    public init(path: String) throws {
        self.path = path
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.label = "consolida-store"
            queue = try DatabaseQueue(path: path, configuration: config)
            try StoreSchema.migrator.migrate(queue)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Closes the database file (a store written on a copy is then moved into place).
    public func close() throws {
        do { try queue.close() } catch { throw StoreError.writeFailed(path: path, reason: "\(error)") }
    }

    /// The ID map of every earlier run: source record, and record identity, → consolidated
    /// customer ID.
    public func idMap() throws -> IDMap {
        try queue.read { db in
            var map = IDMap()
            let rows = try GRDB.Row.fetchCursor(db, sql: "SELECT record_id, customer_id FROM id_map")
            while let row = try rows.next() { map.customerIDByRecord[row["record_id"]] = row["customer_id"] as String }
            let identities = try GRDB.Row.fetchCursor(db, sql: "SELECT identity, customer_id FROM id_map_identity")
            while let row = try identities.next() { map.customerIDByIdentity[row["identity"]] = row["customer_id"] as String }
            return map
        }
    }

    /// The content hash each source had in the latest run that read it (for incremental runs).
    public func lastSourceHashes() throws -> [String: String] {
        try queue.read { db in
            var hashes: [String: String] = [:]
            let rows = try GRDB.Row.fetchCursor(db, sql: """
                SELECT path, content_hash FROM sources WHERE run_id = (SELECT MAX(run_id) FROM sources)
                """)
            while let row = try rows.next() { hashes[row["path"]] = row["content_hash"] }
            return hashes
        }
    }

    /// Records the start of a run and returns its ID.
    public func beginRun(startedAt: Date, asOf: LocalDate?, inputs: [String]) throws -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO runs (started_at, as_of, inputs_json) VALUES (?, ?, ?)",
                           arguments: [Self.timestamp(startedAt), asOf?.iso, Self.json(inputs)])
            return db.lastInsertedRowID
        }
    }

    /// Records how a run ended.
    public func finishRun(_ runID: Int64, finishedAt: Date, exitCode: Int32, counts: [String: Int]) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ?, exit_code = ?, counts_json = ? WHERE run_id = ?",
                           arguments: [Self.timestamp(finishedAt), Int(exitCode), Self.json(counts), runID])
        }
    }

    /// The runs recorded so far, newest first.
    public func runs() throws -> [RunRecord] {
        try queue.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY run_id DESC").map { row in
                RunRecord(runID: row["run_id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                          asOf: (row["as_of"] as String?).flatMap { LocalDate(iso: $0) },
                          exitCode: (row["exit_code"] as Int?).map { Int32($0) },
                          counts: (row["counts_json"] as String?).flatMap(Self.decodeCounts) ?? [:])
            }
        }
    }

    /// The full result of a run (the latest finished one when `runID` is nil), for `report` and `diff`.
    public func snapshot(runID: Int64? = nil) throws -> RunSnapshot? {
        try queue.read { db -> RunSnapshot? in
            let row: GRDB.Row?
            if let runID {
                row = try GRDB.Row.fetchOne(db, sql: """
                    SELECT s.*, r.as_of FROM run_snapshots s JOIN runs r USING (run_id) WHERE run_id = ?
                    """, arguments: [runID])
            } else {
                row = try GRDB.Row.fetchOne(db, sql: """
                    SELECT s.*, r.as_of FROM run_snapshots s JOIN runs r USING (run_id)
                    ORDER BY run_id DESC LIMIT 1
                    """)
            }
            guard let row else { return nil }
            let id: Int64 = row["run_id"]
            do {
                let decoder = JSONDecoder()
                let result = try decoder.decode(ReconciliationResult.self, from: Self.unpacked(row["result_json"] as Data))
                let batch = try decoder.decode(ImportBatch.self, from: Self.unpacked(row["batch_json"] as Data))
                // Settings a later version wrote differently are not worth losing the run over: the
                // report then uses the defaults, as for runs saved before settings were kept.
                let settings = (row["collections_settings_json"] as Data?).flatMap {
                    try? decoder.decode(CollectionsSettings.self, from: $0)
                }
                return RunSnapshot(runID: id, asOf: (row["as_of"] as String?).flatMap { LocalDate(iso: $0) },
                                   result: result, batch: batch, importSummary: row["import_summary_json"] as Data?,
                                   collectionsSettings: settings)
            } catch {
                throw StoreError.corruptSnapshot(runID: id, reason: "\(error)")
            }
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.writeFailed(path: path, reason: "\(error)")
        }
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func decodeCounts(_ text: String) -> [String: Int]? {
        try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))
    }
}

/// One row of the run history.
public struct RunRecord: Sendable, Hashable {
    public var runID: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var asOf: LocalDate?
    public var exitCode: Int32?
    public var counts: [String: Int]
}

/// Everything one run produced, as stored.
public struct RunSnapshot: Sendable {
    public var runID: Int64
    public var asOf: LocalDate?
    public var result: ReconciliationResult
    public var batch: ImportBatch
    /// The run's `import-summary.json` (absent for runs saved before the store kept it).
    public var importSummary: Data?
    /// The collections settings the run's outputs were written with (absent for runs saved before
    /// the store kept them).
    public var collectionsSettings: CollectionsSettings?

    public init(runID: Int64, asOf: LocalDate?, result: ReconciliationResult, batch: ImportBatch,
                importSummary: Data? = nil, collectionsSettings: CollectionsSettings? = nil) {
        self.runID = runID; self.asOf = asOf; self.result = result; self.batch = batch
        self.importSummary = importSummary; self.collectionsSettings = collectionsSettings
    }
}

/// A source file as one run read it.
public struct SourceRecord: Sendable, Hashable {
    public var path: String
    public var kind: String
    public var label: String?
    /// SHA-256-free stable content hash (hex), computed by the pipeline.
    public var contentHash: String
    public var size: Int64
    /// Why the file could not be read at all, when it could not.
    public var error: String?

    public init(path: String, kind: String, label: String?, contentHash: String, size: Int64, error: String?) {
        self.path = path; self.kind = kind; self.label = label; self.contentHash = contentHash
        self.size = size; self.error = error
    }
}
