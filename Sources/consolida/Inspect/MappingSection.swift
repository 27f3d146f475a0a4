import CSVReader
import Foundation
import Mapping
import Pipeline
import Receivables
import Reports
import Tabular

/// The part of `consolida inspect` that shows what `consolida import` makes of a table-shaped file
/// (DESIGN.md: "proposed column mapping, sample normalized rows, problems found"): each table's
/// header and record kind, every column's field and confidence or that it is kept as an extra
/// attribute, the table's row accounting, its first records and rejects exactly as `import` writes
/// them, and what the import said.
///
/// It runs the import itself (``Importer/preview(_:samples:)``), so what it shows cannot drift
/// from what `import` and `run` do.
struct MappingSection {
    let preview: ImportPreview
    let samples: Int

    /// Diagnostics listed in the text; the JSON lists every one kept, and counts them all by code.
    static let listedProblems = 20

    init(source: any TabularSource, options: ImportOptions, samples: Int) {
        preview = Importer(options: options).preview(source, samples: samples)
        self.samples = samples
    }

    // MARK: Text

    /// The section's text; `notes` go right under its title (which mapping file is shown).
    func text(notes: [String]) -> String {
        var out = "\n  mapping (what `consolida import` makes of it):\n"
        for note in notes { out += "    (\(note))\n" }
        if preview.tables.isEmpty { out += "    no table found\n" }
        for t in preview.tables { out += tableText(t) }
        for a in preview.otherAccounting where a.rowsRead > 0 {
            out += "    rows outside any table\(a.sheet.map { " on sheet \($0)" } ?? ""): \(a.rowsRead) read, "
                + "\(a.rejected) rejected, \(a.blank) blank, \(a.headerRows + a.totalsSkipped + a.otherSkipped) skipped\n"
        }
        if !preview.otherRejects.isEmpty {
            out += "    rows outside any table, rejected (first \(preview.otherRejects.count)):\n"
            for r in preview.otherRejects { out += "      \(place(r.location)): \(r.code) \(Self.shortened(r.reason))\n" }
        }
        let problems = preview.diagnostics.filter { $0.severity >= .warning }
        if !problems.isEmpty {
            let total = preview.diagnosticCounts.filter { code, _ in problems.contains { $0.code == code } }.values.reduce(0, +)
            out += "    problems found (\(max(total, problems.count))):\n"
            for p in problems.prefix(Self.listedProblems) { out += "      \(p)\n" }
            if problems.count > Self.listedProblems || total > Self.listedProblems {
                out += "      … by code: " + counts(of: problems).map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private func tableText(_ t: ImportPreview.Table) -> String {
        let table = t.table
        var out = "    "
        // A title is quoted; a table named by its place (`Table 2`) is not.
        if let name = table.name { out += table.region.title == nil ? name : "table \"\(name)\"" } else { out += "table" }
        if let sheet = table.sheetName { out += " on sheet \(sheet)" }
        let headerRows = table.region.headerRowCount
        out += " (header row\(headerRows > 1 ? "s \(table.headerRowNumber)–\(table.headerRowNumber + headerRows - 1)" : " \(table.headerRowNumber)"))"
        out += ": " + (table.mapping.kind.map { "\($0.rawValue)" } ?? "no record kind (its rows are rejected)") + "\n"
        for c in columns(table) {
            let header = c.header.isEmpty ? "·" : Self.shortened(c.header, to: 28)
            let letter = c.letter.padding(toLength: 3, withPad: " ", startingAt: 0)
            let shown = header.padding(toLength: max(header.count, 28), withPad: " ", startingAt: 0)
            switch c.use {
            case .field(let field): out += "      \(letter) \(shown) → \(field) (\(Int((c.confidence * 100).rounded()))%)\n"
            case .extra: out += "      \(letter) \(shown)   kept as an extra attribute\n"
            case .ignored: out += "      \(letter) \(shown)   ignored (the mapping file's ignore list)\n"
            }
        }
        if let a = t.accounting {
            out += "      rows: \(a.rowsRead) read, \(a.imported) imported, \(a.rejected) rejected, \(a.blank) blank, "
                + "\(a.headerRows) header, \(a.totalsSkipped) totals, \(a.otherSkipped) other skipped\n"
        }
        // An invoice row's customer is shown on its line (customers.csv has one record per row).
        let customers = Self.customerRows(t.customers)
        var customerOfRow: [String: String] = [:]
        for c in customers {
            let values = Dictionary(c, uniquingKeysWith: { a, _ in a })
            guard let row = values["source_row"] ?? values["source_line"] else { continue }
            customerOfRow[row] = Self.shown(c, hiding: ["customer_id"])
        }
        out += sampleText("invoices.csv", Self.invoiceRows(t.invoices), hide: ["customer_id"], customers: customerOfRow)
        out += sampleText("payments.csv", Self.paymentRows(t.payments), hide: ["payment_id"], customers: [:])
        if t.invoices.isEmpty && t.payments.isEmpty {
            out += sampleText("customers.csv", customers, hide: ["customer_id"], customers: [:])
        }
        if !t.rejects.isEmpty {
            out += "      rejected (first \(t.rejects.count)):\n"
            for r in t.rejects { out += "        \(place(r.location)): \(r.code) \(Self.shortened(r.reason))\n" }
        }
        return out
    }

    /// Sample rows as `column=value`, without the empty values, the source file and sheet, and the
    /// columns in `hide` (record IDs: long, and the row says the same).
    /// With `customers`, the customer values shown after each row of the same source row.
    private func sampleText(_ file: String, _ rows: [[(String, String)]], hide: Set<String>,
                            customers: [String: String]) -> String {
        guard !rows.isEmpty else { return "" }
        var out = "      first rows of \(file):\n"
        for row in rows {
            let values = Dictionary(row, uniquingKeysWith: { a, _ in a })
            let place = values["source_row"].map { "row \($0)" } ?? values["source_line"].map { "line \($0)" } ?? "?"
            out += "        \(place): " + Self.shown(row, hiding: hide)
            if let key = values["source_row"] ?? values["source_line"], let customer = customers[key] {
                out += "; customer: " + customer
            }
            out += "\n"
        }
        return out
    }

    /// A row's values as `column=value`, without the empty ones, the source location (the line
    /// says it) and the columns in `hiding` (record IDs: long, and the row says the same).
    private static func shown(_ row: [(String, String)], hiding: Set<String>) -> String {
        let hidden = hiding.union(ImportOutput.locationColumns)
        return row.filter { !hidden.contains($0.0) && !$0.1.isEmpty }.map { "\($0.0)=\(shortened($0.1))" }
            .joined(separator: ", ")
    }

    /// A value as a terminal line can show it: at most `limit` characters (then `…`), control
    /// characters as `�` (a cell may hold anything).
    static func shortened(_ text: String, to limit: Int = 60) -> String {
        var out = String(text.prefix(limit).map { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "�" : $0 })
        if text.count > limit { out += "…" }
        return out
    }

    /// `Sheet!C4` for a cell, `Sheet › row 4` for a row, `row 4 (line 5)` in a CSV.
    private func place(_ l: SourceLocation) -> String {
        let sheet = l.sheet ?? ""
        if let cell = l.cell { return sheet.isEmpty ? cell.a1 : sheet + "!" + cell.a1 }
        guard let row = l.row else { return l.line.map { "line \($0)" } ?? l.description }
        let line = l.line.map { $0 != row ? " (line \($0))" : "" } ?? ""
        return (sheet.isEmpty ? "" : sheet + " › ") + "row \(row)" + line
    }

    private func counts(of problems: [Diagnostic]) -> [(key: String, value: Int)] {
        let codes = Set(problems.map(\.code))
        return preview.diagnosticCounts.filter { codes.contains($0.key) }.sorted { $0.key < $1.key }
    }

    // MARK: JSON

    /// The `mapping` object of `inspect --json`.
    var json: [String: Any] {
        [
            "tables": preview.tables.map(tableJSON),
            "other_rows": preview.otherAccounting.map(Self.accountingJSON),
            "other_rejects": Self.objects(Self.rejectRows(preview.otherRejects)),
            // As the reader's problems: objects a program can sort and count.
            "problems": preview.diagnostics.map { d -> [String: Any] in
                ["code": d.code, "severity": d.severity.rawValue, "message": d.message,
                 "sheet": d.location?.sheet.map { $0 as Any } ?? NSNull(), "row": d.location?.row.map { $0 as Any } ?? NSNull(),
                 "cell": d.location?.cell.map { $0.a1 as Any } ?? NSNull(), "line": d.location?.line.map { $0 as Any } ?? NSNull()]
            },
            "problem_counts": preview.diagnosticCounts,
        ]
    }

    private func tableJSON(_ t: ImportPreview.Table) -> [String: Any] {
        let table = t.table
        return [
            "sheet": table.sheetName.map { $0 as Any } ?? NSNull(),
            "table": table.name.map { $0 as Any } ?? NSNull(),
            "title": table.region.title.map { $0 as Any } ?? NSNull(),
            "kind": table.mapping.kind.map { $0.rawValue as Any } ?? NSNull(),
            "header_row": table.headerRowNumber,
            "header_rows": table.region.headerRowCount,
            "columns": columns(table).map { c -> [String: Any] in
                var field: Any = NSNull()
                if case .field(let name) = c.use { field = name }
                return ["column": c.letter, "header": c.header, "field": field,
                        "confidence": field is NSNull ? NSNull() : (c.confidence * 100).rounded() / 100 as Any,
                        "extra": c.use == .extra, "ignored": c.use == .ignored]
            },
            "accounting": t.accounting.map { Self.accountingJSON($0) as Any } ?? NSNull(),
            "samples": [
                "customers": Self.objects(Self.customerRows(t.customers)),
                "invoices": Self.objects(Self.invoiceRows(t.invoices)),
                "payments": Self.objects(Self.paymentRows(t.payments)),
                "rejects": Self.objects(Self.rejectRows(t.rejects)),
            ],
        ]
    }

    static func accountingJSON(_ a: SourceAccounting) -> [String: Any] {
        // The keys and values of import-summary.json's tables.
        guard let data = try? JSONEncoder().encode(ImportSummary.Table(a)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    private static func objects(_ rows: [[(String, String)]]) -> [[String: String]] {
        rows.map { Dictionary($0, uniquingKeysWith: { a, _ in a }) }
    }

    // MARK: Columns

    struct Column {
        enum Use: Equatable {
            /// The field(s) the column fills.
            case field(String)
            /// Kept on each record as `header → value`.
            case extra
            /// Left out by the mapping file's `ignore:`.
            case ignored
        }
        var letter: String
        var header: String
        var use: Use
        var confidence: Double
    }

    /// The table's columns in sheet order, each with the field it fills (a field read from several
    /// columns names each of them), or kept as an extra attribute, or ignored; a column with no
    /// header and no field is left out (nothing is read from it).
    private func columns(_ table: AnalyzedTable) -> [Column] {
        var byColumn: [Int: Column] = [:]
        let extras = Set(table.mapping.extras.map(\.column))
        for h in table.region.headers where !h.displayName.isEmpty {
            byColumn[h.column] = Column(letter: CellRef.columnLetters(h.column), header: h.displayName,
                                        use: extras.contains(h.column) ? .extra : .ignored, confidence: 0)
        }
        let names = Dictionary(table.region.headers.map { ($0.column, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        for f in table.mapping.fields {
            for c in f.columns {
                var column = byColumn[c] ?? Column(letter: CellRef.columnLetters(c), header: names[c] ?? "", use: .extra, confidence: 0)
                if case .field(let before) = column.use { column.use = .field(before + ", " + f.field.rawValue) }
                else { column.use = .field(f.field.rawValue) }
                column.confidence = f.confidence
                byColumn[c] = column
            }
        }
        return byColumn.keys.sorted().compactMap { byColumn[$0] }
    }

    // MARK: Sample rows as import writes them

    /// Records rendered by the functions that write import's CSV files, then read back with the
    /// CSV reader: the values shown are the bytes `consolida import` writes.
    static func customerRows(_ records: [Customer]) -> [[(String, String)]] {
        rows(ImportOutput.customerColumns, records) { ImportOutput.render(customer: $0, into: &$1) }
    }

    static func invoiceRows(_ records: [Invoice]) -> [[(String, String)]] {
        rows(ImportOutput.invoiceColumns, records) { ImportOutput.render(invoice: $0, into: &$1) }
    }

    static func paymentRows(_ records: [Payment]) -> [[(String, String)]] {
        rows(ImportOutput.paymentColumns, records) { ImportOutput.render(payment: $0, into: &$1); $1.endRow() }
    }

    static func rejectRows(_ records: [Reject]) -> [[(String, String)]] {
        rows(RejectsTable.columns.map(\.name), records) { ImportOutput.render(reject: $0, into: &$1); $1.endRow() }
    }

    private static func rows<R>(_ columns: [String], _ records: [R],
                                render: (R, inout CSVRowBuffer) -> Void) -> [[(String, String)]] {
        guard !records.isEmpty else { return [] }
        var buffer = CSVRowBuffer()
        for r in records { render(r, &buffer) }
        guard let options = try? CSVOptions(encodingName: "utf-8", delimiterName: ",", quoteName: "\"", hasHeader: false),
              let file = try? CSVFile.open(bytes: buffer.bytes, options: options),
              var stream = try? file.rowStream() else { return [] }
        var out: [[(String, String)]] = []
        while let row = try? stream.next() {
            out.append(columns.indices.map { j in (columns[j], j < row.cells.count ? row.cells[j].displayText : "") })
        }
        return out
    }
}
