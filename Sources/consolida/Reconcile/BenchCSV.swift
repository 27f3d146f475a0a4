import Foundation

/// A tiny RFC 4180 reader for the benchmark CSVs this project writes itself (comma, `"` quotes,
/// UTF-8). Product code reads CSV through the CSVReader module; this only feeds `match-bench`.
enum BenchCSV {
    /// Calls `body` with each row in turn, so a large file never exists as rows all at once.
    static func forEachRow(_ bytes: [UInt8], _ body: ([String]) -> Void) {
        var row: [String] = []
        var field = [UInt8]()
        var inQuotes = false
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { inQuotes = false }
                } else { field.append(b) }
            } else if b == UInt8(ascii: "\"") && field.isEmpty {
                inQuotes = true
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endField(); body(row); row = []
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { endField(); body(row) }
    }
}
