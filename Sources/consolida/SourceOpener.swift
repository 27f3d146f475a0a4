import CSVReader
import Foundation
import Tabular
import XLSXReader

/// Opens a path with the reader its content calls for: a zip container is a workbook (XLSX),
/// anything else is delimited text (CSV).
enum SourceOpener {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
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

    /// The CSV reader keeps title and note lines above the table: the mapping stage finds the header
    /// itself (and names tables by their titles), so every line is counted in the row accounting.
    static var csvOptions: CSVOptions {
        var o = CSVOptions()
        o.preambleRecords = 0
        return o
    }

    static func open(_ path: String) throws -> (any TabularSource, Format) {
        let format = try format(of: path)
        do {
            switch format {
            case .xlsx: return (try XLSXWorkbook(path: path), .xlsx)
            case .csv: return (try CSVFile.open(path: path, options: csvOptions), .csv)
            }
        } catch {
            throw Failure.unreadable(path: path, reason: "\(error)")
        }
    }
}
