import Foundation

/// Why outputs could not be written. The CLI exits with code 4; the previous outputs are intact.
public enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// The output path holds something Consolida did not write, which replacing the folder would
    /// destroy: a file, a folder of other files, an input of this run.
    case notAnOutputFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .notAnOutputFolder(let path, let reason):
            return "will not write to \(path): \(reason). An output folder is replaced whole on every run: give a new or empty folder, or one Consolida wrote"
        }
    }
}

/// Writes a whole output folder at once: everything goes to a temporary sibling folder, which
/// replaces the previous folder only when complete. An interrupted run leaves the previous
/// outputs readable and complete; the next run removes the leftovers.
///
/// Since the folder is replaced whole, only a folder that is surely Consolida's is replaced: a
/// new or empty one, one holding the ``markerName`` file every commit writes, or one holding
/// nothing but names Consolida writes (``outputNames``), one of them its own (``ownNames``: a
/// folder written before the marker existed). Anything else (`--out .` in a folder of workbooks, `--out` naming a file, an input
/// inside the folder) is refused before anything is written.
public struct OutputFolder {
    /// The file that marks a folder as Consolida's output, written in every committed folder.
    public static let markerName = ".consolida-output"

    /// Names only Consolida writes: one of them shows an unmarked folder of output names is its own.
    static let ownNames: Set<String> = ["import-summary.json", "consolida.sqlite"]

    /// Every name Consolida writes in an output folder (besides the marker).
    public static let outputNames: Set<String> = [
        "consolida.sqlite", "consolidated.xlsx", "contacts.csv", "customer_balances.csv", "customer_members.csv",
        "customers.csv", "discrepancies.csv", "discrepancies.json", "import-summary.json", "invoices.csv",
        "payments.csv", "promises.csv", "rejects.csv", "report.html", "worklist.csv",
    ]

    /// The final folder (`out`).
    public let finalURL: URL
    /// Where this run writes (`.out.tmp-<pid>` beside it).
    public let stagingURL: URL

    public init(path: String) {
        finalURL = Self.resolved(path)
        let name = "." + finalURL.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        stagingURL = finalURL.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The folder an output path names: a symbolic link (an output published through a link to a
    /// share) is followed, so that the folder it points to is replaced, not the link.
    static func resolved(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Creates the staging folder, after restoring a folder a crash left renamed aside and removing
    /// staging folders of runs that died. Call only while holding the ``RunLock``. Throws
    /// ``OutputError/notAnOutputFolder(path:reason:)`` when the final path is not Consolida's to
    /// replace, or holds one of `inputs` (paths of this run's sources, files or folders).
    public func prepare(inputs: [String] = []) throws {
        let fm = FileManager.default
        let parent = finalURL.deletingLastPathComponent()
        try checkReplaceable(inputs: inputs)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            let prefix = "." + finalURL.lastPathComponent + "."
            for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
                let leftover = parent.appendingPathComponent(name)
                if name.hasPrefix(prefix + "old-") && !fm.fileExists(atPath: finalURL.path) {
                    try fm.moveItem(at: leftover, to: finalURL)  // a crash between the two renames
                } else {
                    try? fm.removeItem(at: leftover)
                }
            }
            try fm.createDirectory(at: stagingURL, withIntermediateDirectories: true)
            try Data("Written by Consolida. This folder is replaced whole on every run: keep no other files here.\n".utf8)
                .write(to: staged(Self.markerName))
        } catch {
            throw OutputError.cannotWrite(path: stagingURL.path, reason: ErrorText.describe(error))
        }
    }

    /// Throws unless the final path is absent, or a folder Consolida may replace that holds none
    /// of `inputs`.
    func checkReplaceable(inputs: [String]) throws {
        let fm = FileManager.default
        let path = finalURL.path
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OutputError.notAnOutputFolder(path: path, reason: "it is a file, not a folder")
        }
        let folder = finalURL.resolvingSymlinksInPath().path
        for input in inputs {
            let resolved = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if resolved == folder || resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                throw OutputError.notAnOutputFolder(path: path, reason: "it holds the input \(input)")
            }
        }
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: path) } catch {
            throw OutputError.cannotWrite(path: path, reason: ErrorText.describe(error))
        }
        // A folder made read-only is one its owner protects: replacing it (which only needs the
        // parent's permission) would drop the protection and leave the old copy behind, undeletable.
        guard access(path, W_OK) == 0 else {
            throw OutputError.cannotWrite(path: path, reason: "the folder is read-only")
        }
        if entries.isEmpty || entries.contains(Self.markerName) { return }
        let foreign = entries.filter { !Self.outputNames.contains($0) }.sorted()
        if let first = foreign.first {
            let more = foreign.count > 1 ? " and \(foreign.count - 1) more" : ""
            throw OutputError.notAnOutputFolder(path: path, reason: "it holds \(first)\(more), which Consolida did not write")
        }
        // Names alone (`customers.csv`) could be anybody's: a folder from before the marker also
        // holds a file only Consolida writes.
        guard entries.contains(where: Self.ownNames.contains) else {
            throw OutputError.notAnOutputFolder(path: path, reason: "it holds \(entries.sorted()[0]) but no import-summary.json or consolida.sqlite, so it may not be Consolida's")
        }
    }

    /// The previous run's copy of a file in the final folder, if any (e.g. the store to update).
    public func previous(_ name: String) -> URL? {
        let url = finalURL.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A file inside the staging folder.
    public func staged(_ name: String) -> URL { stagingURL.appendingPathComponent(name) }

    /// Swaps the staging folder into place: the old folder is renamed aside, the new one renamed
    /// in, the old one removed.
    public func commit() throws {
        let fm = FileManager.default
        let aside = finalURL.deletingLastPathComponent()
            .appendingPathComponent("." + finalURL.lastPathComponent + ".old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: finalURL.path) { try fm.moveItem(at: finalURL, to: aside) }
            try fm.moveItem(at: stagingURL, to: finalURL)
            try? fm.removeItem(at: aside)
        } catch {
            if !fm.fileExists(atPath: finalURL.path), fm.fileExists(atPath: aside.path) {
                try? fm.moveItem(at: aside, to: finalURL)
            }
            throw OutputError.cannotWrite(path: finalURL.path, reason: ErrorText.describe(error))
        }
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: stagingURL)
    }
}
