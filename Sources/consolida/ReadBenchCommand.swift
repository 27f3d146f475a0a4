import ArgumentParser
import CSVReader
import Foundation
import Tabular

/// `consolida read-bench FILE` (hidden): streams every row of a CSV through typed conversion and
/// prints counts, for `make bench`. Column types come from profiling the first rows; numbers are
/// converted exactly (significand and power of ten, summed without rounding), dates to calendar
/// dates, text to Strings.
struct ReadBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-bench",
        abstract: "Stream a CSV through typed conversion and print counts (benchmark).",
        shouldDisplay: false)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "Data rows profiled to choose each column's type.")
    var profileRows = 1000

    @Flag(help: "Parse on a background thread while converting (CSVBatchReader); pays off on an idle machine.")
    var parallel = false

    func run() throws {
        let csv = try CSVFile.open(path: file)
        let types = try profile(csv)
        let kinds = types.map(Conversion.init)
        var counts = TypedCounts(columns: types.count)
        var skipHeader = csv.detectedDialect.hasHeader
        if !parallel {
            let reader = try csv.records()
            if skipHeader { _ = try reader.next() }
            while try reader.next() {
                let n = reader.fieldCount
                if n == 0 { continue }
                counts.rows += 1
                for j in 0..<n { counts.convert(reader.field(j), j < kinds.count ? kinds[j] : .text, column: j) }
            }
            print(counts.summary(encoding: csv.detectedEncoding.encoding.rawValue, dialect: csv.detectedDialect,
                                 types: types))
            return
        }
        // Parsing runs on a background thread while this one converts (CSVBatchReader).
        let batches = CSVBatchReader(file: csv)
        while let batch = try batches.next() {
            batch.withFields { bytes, ends in
                var f = 0
                for r in 0..<batch.count {
                    let last = batch.recordEnds[r]
                    if skipHeader { skipHeader = false; f = last; continue }
                    if f == last { continue }  // a blank line
                    counts.rows += 1
                    var j = 0
                    while f < last {
                        let start = f == 0 ? 0 : ends[f - 1]
                        let field = UnsafeBufferPointer(rebasing: bytes[start..<ends[f]])
                        counts.convert(field, j < kinds.count ? kinds[j] : .text, column: j)
                        f += 1; j += 1
                    }
                }
            }
        }
        print(counts.summary(encoding: csv.detectedEncoding.encoding.rawValue, dialect: csv.detectedDialect,
                             types: types))
    }

    /// Column types from the first `profileRows` data rows.
    func profile(_ csv: CSVFile) throws -> [ColumnType] {
        let reader = try csv.records()
        if csv.detectedDialect.hasHeader { _ = try reader.next() }
        var profiles: [ColumnProfile] = []
        var seen = 0
        while seen < profileRows, try reader.next() {
            seen += 1
            while profiles.count < reader.fieldCount { profiles.append(ColumnProfile()) }
            for j in 0..<reader.fieldCount { profiles[j].add(reader.field(j)) }
        }
        return profiles.map(\.type)
    }
}

/// How one column's fields are converted (a payload without references, for the hot loop).
enum Conversion {
    case number(NumberFormat)
    case date(DateOrder)
    case text

    init(_ type: ColumnType) {
        switch type {
        case .integer(let f), .decimal(let f): self = .number(f)
        case .date(let order, _, _): self = .date(order)
        case .text, .empty: self = .text
        }
    }
}

/// What the benchmark counted; the sums prove every number was converted exactly.
struct TypedCounts {
    var rows = 0, empties = 0, numbers = 0, dates = 0, texts = 0, invalid = 0, textBytes = 0, dayTotal = 0
    /// Per column, the exact sum kept as significand sums per power of ten (index = -exponent,
    /// 0...18, since parsed numbers have at most 18 digits and no positive exponent).
    var sums: [Int128]
    static let scales = 19

    init(columns: Int) { sums = Array(repeating: 0, count: columns * TypedCounts.scales) }

    func hasSum(_ column: Int) -> Bool {
        sums[column * TypedCounts.scales ..< (column + 1) * TypedCounts.scales].contains { $0 != 0 }
    }

    /// Converts one non-blank field by its column's conversion and counts the result.
    @inline(__always)
    mutating func convert(_ f: UnsafeBufferPointer<UInt8>, _ kind: Conversion, column j: Int) {
        if f.isEmpty { empties += 1; return }
        switch kind {
        case .number(let format):
            if let (significand, exponent) = NumberParser.decimal(f, format) {
                numbers += 1
                add(column: j, significand: significand, exponent: exponent)
                return
            }
        case .date(let order):
            if let d = DateParser.parse(f, order: order) {
                dates += 1
                dayTotal &+= d.daysSinceEpoch
                return
            }
        case .text:
            texts += 1
            textBytes += String(decoding: f, as: UTF8.self).utf8.count
            return
        }
        // Not what the column holds: kept as text and counted.
        invalid += 1
        textBytes += String(decoding: f, as: UTF8.self).utf8.count
    }

    @inline(__always)
    mutating func add(column: Int, significand: Int64, exponent: Int) {
        sums[column * TypedCounts.scales - exponent] += Int128(significand)
    }

    /// The exact sum of a column as plain decimal text.
    func exactSum(_ column: Int) -> String {
        let parts = Array(sums[column * TypedCounts.scales ..< (column + 1) * TypedCounts.scales])
        guard let maxScale = parts.indices.last(where: { parts[$0] != 0 }) else { return "0" }
        let minExp = -maxScale
        var total: Int128 = 0
        for (scale, v) in parts.enumerated() where v != 0 {
            var x = v
            for _ in 0..<(-scale - minExp) { x *= 10 }
            total += x
        }
        let negative = total < 0
        var digits = String(negative ? -total : total)
        let scale = -minExp
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (negative ? "-" : "") + digits
    }

    func summary(encoding: String, dialect: CSVDialect, types: [ColumnType]) -> String {
        var s = "rows=\(rows) numbers=\(numbers) dates=\(dates) texts=\(texts) empties=\(empties) invalid=\(invalid)"
        s += " text_bytes=\(textBytes) encoding=\(encoding) delimiter=\(dialect.delimiterName)"
        for (j, t) in types.enumerated() where hasSum(j) {
            if case .decimal = t { s += " sum[\(j)]=\(exactSum(j))" }
        }
        return s
    }
}
