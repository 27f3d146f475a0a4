/// Why the store could not be opened or written. Carries the path so the CLI can say which file.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case corruptSnapshot(runID: Int64, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open store \(path): \(reason)"
        case .writeFailed(let path, let reason): return "cannot write store \(path): \(reason)"
        case .corruptSnapshot(let id, let reason): return "run \(id) snapshot is unreadable: \(reason)"
        }
    }
}
