import Foundation
import Tabular

/// Opens a path with the reader its content calls for: a zip container is a workbook (XLSX),
/// anything else is delimited text (CSV).
enum SourceOpener {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case unsupported(path: String, format: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
            case .unsupported(let path, let format): return "\(path): \(format) files cannot be read by this build yet"
            }
        }
    }

    enum Format: String { case csv, xlsx }

    /// The format by the first bytes: `PK\u{3}\u{4}` (zip) is XLSX.
    static func format(of path: String) throws -> Format {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure.unreadable(path: path, reason: "no such file or not readable")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return Array(head) == [0x50, 0x4B, 0x03, 0x04] ? .xlsx : .csv
    }

    static func open(_ path: String) throws -> (any TabularSource, Format) {
        let format = try format(of: path)
        throw Failure.unsupported(path: path, format: format.rawValue)
    }
}
