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

    func run() throws {
        let csv = try CSVFile.open(path: file)
        let types = try profile(csv)
        let reader = try csv.records()
        if csv.detectedDialect.hasHeader { _ = try reader.next() }
        let kinds = types.map(Conversion.init)
        var counts = TypedCounts(columns: types.count)
        while try reader.next() {
            let n = reader.fieldCount
            if n == 0 { continue }
            counts.rows += 1
            for j in 0..<n {
                let f = reader.field(j)
                if f.isEmpty { counts.empties += 1; continue }
                switch j < kinds.count ? kinds[j] : .text {
                case .number(let format):
                    if let (significand, exponent) = NumberParser.decimal(f, format) {
                        counts.numbers += 1
                        counts.add(column: j, significand: significand, exponent: exponent)
                    } else {
                        counts.invalid += 1
                        counts.textBytes += String(decoding: f, as: UTF8.self).utf8.count
                    }
                case .date(let order):
                    if let d = DateParser.parse(f, order: order) {
                        counts.dates += 1
                        counts.dayTotal &+= d.daysSinceEpoch
                    } else {
                        counts.invalid += 1
                        counts.textBytes += String(decoding: f, as: UTF8.self).utf8.count
                    }
                case .text:
                    let s = String(decoding: f, as: UTF8.self)
                    counts.texts += 1
                    counts.textBytes += s.utf8.count
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
    var sums: [[Int128]]

    init(columns: Int) { sums = Array(repeating: Array(repeating: 0, count: 19), count: columns) }

    @inline(__always)
    mutating func add(column: Int, significand: Int64, exponent: Int) {
        sums[column][-exponent] += Int128(significand)
    }

    /// The exact sum of a column as plain decimal text.
    func exactSum(_ column: Int) -> String {
        let parts = sums[column]
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
        for (j, t) in types.enumerated() where sums[j].contains(where: { $0 != 0 }) {
            if case .decimal = t { s += " sum[\(j)]=\(exactSum(j))" }
        }
        return s
    }
}
