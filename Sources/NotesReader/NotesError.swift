/// A notes file that cannot be read at all. Line-level problems are rejects and diagnostics.
public enum NotesError: Error, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case notJSON(path: String)
    case unsupported(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let p, let r): return "\(p): cannot read: \(r)"
        case .notJSON(let p): return "\(p): not a Google Keep note (expected a JSON object)"
        case .unsupported(let p, let r): return "\(p): \(r)"
        }
    }
}
