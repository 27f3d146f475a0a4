import Foundation

/// Why outputs could not be written. The CLI exits with code 4; the previous outputs are intact.
public enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}

/// Writes a whole output folder at once: everything goes to a temporary sibling folder, which
/// replaces the previous folder only when complete. An interrupted run leaves the previous
/// outputs readable and complete; the next run removes the leftovers.
public struct OutputFolder {
    /// The final folder (`out`).
    public let finalURL: URL
    /// Where this run writes (`.out.tmp-<pid>` beside it).
    public let stagingURL: URL

    public init(path: String) {
        finalURL = URL(fileURLWithPath: path).standardizedFileURL
        let name = "." + finalURL.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        stagingURL = finalURL.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Creates the staging folder, after restoring a folder a crash left renamed aside and removing
    /// staging folders of runs that died. Call only while holding the ``RunLock``.
    public func prepare() throws {
        let fm = FileManager.default
        let parent = finalURL.deletingLastPathComponent()
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
        } catch {
            throw OutputError.cannotWrite(path: stagingURL.path, reason: error.localizedDescription)
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
            throw OutputError.cannotWrite(path: finalURL.path, reason: error.localizedDescription)
        }
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: stagingURL)
    }
}
