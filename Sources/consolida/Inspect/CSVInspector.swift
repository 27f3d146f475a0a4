import CSVReader
import Foundation
import Pipeline
import Tabular

/// `consolida inspect` for delimited text: encoding, dialect, preamble, header, column types, row
/// count and problems with their lines. Reads the file once, streaming.
struct CSVInspector: FileInspector {
    static let format = "csv"
    /// Problems listed in full; beyond this only their number is reported.
    static let maxProblems = 200

    static func recognizes(prefix: [UInt8], path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["csv", "tsv", "tab", "psv", "dat"].contains(ext) { return !isBinary(prefix) }
        // The rule `run` and `import` read a `.txt` by, so inspect shows what they will see.
        // A CSV export renamed as a workbook too.
        if ext == "txt" || ["xlsx", "xlsm", "xltx", "xls", "xlsb"].contains(ext) {
            return !isBinary(prefix) && SourceFormat.looksTabular(prefix)
        }
        return false
    }

    /// Zip (XLSX) and OLE (XLS, encrypted XLSX) containers are not text.
    static func isBinary(_ p: [UInt8]) -> Bool {
        p.starts(with: [0x50, 0x4B, 0x03, 0x04]) || p.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }

    static func inspect(path: String, options: InspectOptions) throws -> InspectOutput {
        let csvOptions = try CSVOptions(encodingName: options.encoding, delimiterName: options.delimiter,
                                        quoteName: options.quote, hasHeader: options.hasHeader)
        let file = try CSVFile.open(path: path, options: csvOptions)
        let dialect = file.detectedDialect
        var stream = try file.rowStream()
        var problems = file.openingDiagnostics
        var problemCount = problems.count
        var header: [String] = []
        var headerLine: Int?
        var profiles: [ColumnProfile] = []
        var dataRows = 0
        var samples: [Row] = []
        var first = true
        while let row = try stream.next() {
            if first && dialect.hasHeader {
                header = row.cells.map(\.displayText)
                headerLine = row.line
                first = false
                continue
            }
            first = false
            dataRows += 1
            if samples.count < options.sampleRows { samples.append(row) }
            while profiles.count < row.cells.count { profiles.append(ColumnProfile()) }
            for (j, cell) in row.cells.enumerated() { profiles[j].add(cell.textValue ?? "") }
            let found = stream.drainDiagnostics()
            problemCount += found.count
            if problems.count < maxProblems { problems += found.prefix(maxProblems - problems.count) }
        }
        let found = stream.drainDiagnostics()
        problemCount += found.count
        if problems.count < maxProblems { problems += found.prefix(maxProblems - problems.count) }

        let width = max(header.count, profiles.count)
        let columns: [(name: String, type: ColumnType, outliers: Int)] = (0..<width).map { j in
            let name = j < header.count && !header[j].isEmpty ? header[j] : CellRef.columnLetters(j + 1)
            return (name, j < profiles.count ? profiles[j].type : .empty, j < profiles.count ? profiles[j].outliers : 0)
        }

        var json: [String: Any] = [
            "file": path, "ok": true, "format": format,
            "encoding": file.detectedEncoding.encoding.rawValue,
            "bom": file.detectedEncoding.hasBOM,
            "delimiter": String(Character(dialect.delimiter)),
            "quote": dialect.quoteText.map { $0 as Any } ?? NSNull(),
            "has_header": dialect.hasHeader,
            "header_line": headerLine.map { $0 as Any } ?? NSNull(),
            "table_start_line": dialect.tableStartLine,
            "preamble_lines": dialect.preambleLines.map { [$0.lowerBound, $0.upperBound] as Any } ?? NSNull(),
            "line_break": dialect.lineBreak,
            "rows": dataRows,
            "blank_lines_skipped": stream.blankLinesSkipped,
            "columns": columns.map { c -> [String: Any] in
                var o: [String: Any] = ["name": c.name, "type": c.type.name]
                if c.outliers > 0 { o["outliers"] = c.outliers }
                switch c.type {
                case .integer(let f), .decimal(let f):
                    o["decimal_separator"] = String(Character(Unicode.Scalar(f.decimalSeparator)))
                    o["group_separator"] = f.groupSeparator.map { String(Character(Unicode.Scalar($0))) as Any } ?? NSNull()
                case .date(let order, let alternatives, _):
                    o["date_order"] = order.rawValue
                    if !alternatives.isEmpty { o["date_order_alternatives"] = alternatives.map(\.rawValue) }
                default: break
                }
                return o
            },
            "problems": problems.map { d -> [String: Any] in
                ["line": d.location?.line.map { $0 as Any } ?? NSNull(), "row": d.location?.row.map { $0 as Any } ?? NSNull(),
                 "code": d.code, "severity": d.severity.rawValue, "message": d.message]
            },
            "problem_count": problemCount,
        ]
        if problemCount > problems.count { json["problems_truncated"] = problemCount - problems.count }

        let text = render(path: path, file: file, headerLine: headerLine, rows: dataRows, columns: columns,
                          samples: samples, problems: problems, problemCount: problemCount)
        return InspectOutput(text: text, json: json, problems: problems)
    }

    static func render(path: String, file: CSVFile, headerLine: Int?, rows: Int, columns: [(name: String, type: ColumnType, outliers: Int)],
                       samples: [Row], problems: [Diagnostic], problemCount: Int) -> String {
        let d = file.detectedDialect
        var out = "\(path): CSV\n"
        out += "  encoding:  \(file.detectedEncoding.encoding.rawValue)\(file.detectedEncoding.hasBOM ? " (with BOM)" : "")\n"
        out += "  delimiter: \(d.delimiterName == "," ? "','" : d.delimiterName.count == 1 ? "'\(d.delimiterName)'" : d.delimiterName)"
        out += "   quote: \(d.quoteText.map { "'\($0)'" } ?? "none")   line breaks: \(d.lineBreak)\n"
        if let lines = d.preambleLines { out += "  preamble:  lines \(lines.lowerBound)–\(lines.upperBound) skipped\n" }
        out += "  header:    \(headerLine.map { "line \($0)" } ?? "none")\n"
        out += "  rows:      \(rows)\n"
        out += "  columns:\n"
        let nameWidth = min(32, columns.map(\.name.count).max() ?? 0)
        for (j, c) in columns.enumerated() {
            let letter = CellRef.columnLetters(j + 1)
            let name = c.name.count > nameWidth ? String(c.name.prefix(nameWidth - 1)) + "…" : c.name
            out += "    \(letter.padding(toLength: 3, withPad: " ", startingAt: 0)) \(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(c.type)"
                + (c.outliers > 0 ? " (\(c.outliers) values of another kind)" : "") + "\n"
        }
        if !samples.isEmpty {
            out += "  first rows:\n"
            for r in samples {
                out += "    row \(r.number) (line \(r.line ?? 0)): " + r.cells.map { MappingSection.shortened($0.displayText, to: 40) }.joined(separator: " | ") + "\n"
            }
        }
        if problemCount == 0 {
            out += "  problems:  none\n"
        } else {
            out += "  problems:  \(problemCount)\n"
            for p in problems {
                out += "    " + (p.location?.line.map { "line \($0): " } ?? "") + "\(p.severity.rawValue) \(p.code): \(p.message)\n"
            }
            if problemCount > problems.count { out += "    … and \(problemCount - problems.count) more\n" }
        }
        return out
    }
}
