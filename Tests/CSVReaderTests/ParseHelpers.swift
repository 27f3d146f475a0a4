@testable import CSVReader

/// One parsed record: its fields, the line it starts on and its stray-quote count.
struct ParsedRecord: Equatable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var strayQuotes = 0
    var unterminated = false
    var description: String { "\(line):\(fields)" }
}

/// Parses `text` with every chunk size in `chunkSizes` and requires one result (as rust-csv's
/// `parses_to!` runs each case several ways), so chunk boundaries cannot change a parse.
func parse(_ text: String, delimiter: Unicode.Scalar = ",", quote: UInt8? = UInt8(ascii: "\""),
           escape: UInt8? = nil, encoding: TextEncoding = .utf8, bytes: [UInt8]? = nil,
           chunkSizes: [Int] = [1, 2, 3, 7, 1 << 16]) throws -> [ParsedRecord] {
    var results: [[ParsedRecord]] = []
    let input = bytes ?? Array(text.utf8)
    let detected = DetectedEncoding(encoding: encoding, bomLength: 0, evidence: "test")
    for size in chunkSizes {
        let reader = try CSVRecordReader(input: .bytes(input), encoding: detected,
                                         dialect: CSVCore.Dialect(delimiter: delimiter, quote: quote, escape: escape),
                                         chunkSize: size)
        var records: [ParsedRecord] = []
        while try reader.next() {
            records.append(ParsedRecord(fields: reader.strings(), line: reader.line, strayQuotes: reader.strayQuotes,
                                        unterminated: reader.unterminatedQuote))
        }
        results.append(records)
    }
    for r in results.dropFirst() where r != results[0] {
        throw ParseMismatch(description: "chunk sizes disagree: \(results)")
    }
    return results[0]
}

struct ParseMismatch: Error, CustomStringConvertible { var description: String }

func fields(_ records: [ParsedRecord]) -> [[String]] { records.map(\.fields) }
