import Foundation

/// A store the configuration keeps outside the output folder (`store:`), written the way the
/// output folder is: on a copy beside it, which replaces it only after the outputs are published.
/// A run that fails on the way (its outputs cannot be written, the disk fills) leaves the store as
/// it was: no run recorded as finished whose outputs nobody received, no run begun and never
/// finished. (The default store lives inside the output folder and is replaced with it.)
///
/// Runs with other output folders may share one store: each holds the store's own lock
/// (`<store>.lock`) from reading its ID map to replacing it, so none loses another's run.
struct ExternalStore {
    let finalURL: URL
    /// Where this run writes (`.consolida.sqlite.tmp-<pid>` beside the store).
    let stagingURL: URL
    private let lock: RunLock

    /// Takes the store's lock (``RunLock/Busy`` when another run holds it), removes copies runs
    /// that died left behind, and copies the store, if there is one yet, to ``stagingURL``.
    init(path: String) throws {
        lock = try RunLock(outputFolder: path)
        finalURL = OutputFolder.resolved(path)
        let folder = finalURL.deletingLastPathComponent()
        let prefix = "." + finalURL.lastPathComponent + ".tmp-"
        stagingURL = folder.appendingPathComponent(prefix + "\(ProcessInfo.processInfo.processIdentifier)")
        let fm = FileManager.default
        // Only runs holding the lock write copies: with it held, every copy is a dead run's.
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
        if fm.fileExists(atPath: finalURL.path) {
            do { try fm.copyItem(at: finalURL, to: stagingURL) } catch {
                throw OutputError.cannotWrite(path: stagingURL.path, reason: ErrorText.describe(error))
            }
        }
    }

    /// Replaces the store with the run's copy (one rename, on the same file system).
    func commit() throws {
        if rename(stagingURL.path, finalURL.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError.cannotWrite(path: finalURL.path, reason: reason)
        }
    }

    /// Removes the run's copy (and a journal SQLite left beside it); the store stays as it was.
    func discard() {
        for url in [stagingURL, URL(fileURLWithPath: stagingURL.path + "-journal")] {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
