/// Detects the delimiter, the quote character, the preamble and the header from a bounded sample.
///
/// Delimiter and quote: every candidate pair parses the sample and is scored as CleverCSV does
/// (van den Burg et al., 2019): a *pattern* score that rewards rows of one consistent width, times a
/// *type* score, the share of cells that look like real values (numbers, dates, words) rather than
/// fragments of a wrong split. Ties go to the more common dialect (`,` before `;` before tab…, `"`
/// before `'` before none).
public enum DialectSniffer {
    /// Candidate delimiters in order of preference on ties.
    public static let delimiterCandidates: [Unicode.Scalar] = [",", ";", "\t", "|", " ", ":", "#", "§", "^", "~"]

    /// Detects a dialect from `sample` (UTF-8). Fields of `options` that are set are kept as given.
    public static func detect(_ sample: [UInt8], isWholeFile: Bool, options: CSVOptions) -> CSVDialect {
        let maxRecords = options.sampleRecords
        let (delimiter, quote) = bestDelimiterAndQuote(withoutCommentLines(sample), isWholeFile: isWholeFile,
                                                       options: options)
        let core = CSVCore.Dialect(delimiter: delimiter, quote: quote, escape: options.escape)
        let records = SampleRecord.parse(sample, dialect: core, isWholeFile: isWholeFile, maxRecords: maxRecords)
        var dialect = CSVDialect(delimiter: delimiter, quote: quote, escape: options.escape)
        dialect.lineBreak = lineBreak(sample)

        let start = options.preambleRecords.map { min($0, records.count) } ?? preambleLength(records)
        dialect.preambleRecords = options.preambleRecords ?? start
        if start > 0, start <= records.count {
            let firstLine = records[0].line
            let lastLine = start < records.count ? records[start].line - 1 : records[start - 1].line
            dialect.preambleLines = firstLine...max(firstLine, lastLine)
        }
        dialect.tableStartLine = start < records.count ? records[start].line : (records.last?.line ?? 1)
        let table = Array(records.dropFirst(start).filter { !$0.isBlank })
        dialect.hasHeader = options.hasHeader ?? hasHeader(table)
        return dialect
    }

    // MARK: Delimiter and quote

    static func bestDelimiterAndQuote(_ sample: [UInt8], isWholeFile: Bool, options: CSVOptions) -> (Unicode.Scalar, UInt8?) {
        let text = String(decoding: sample, as: UTF8.self)
        var present = Set<Unicode.Scalar>()
        for s in text.unicodeScalars where delimiterCandidates.contains(s) { present.insert(s) }
        let delimiters = options.delimiter.map { [$0] } ?? delimiterCandidates.filter { present.contains($0) }

        let quotes: [UInt8?]
        var doubleQuotesPresent = false
        switch options.quote {
        case .some(.none): quotes = [nil]
        case .some(.character(let q)): quotes = [q]
        case nil:
            // Without any double quote in the sample, "none" reads the same as `"`.
            let hasDouble = sample.contains(UInt8(ascii: "\"")), hasSingle = sample.contains(UInt8(ascii: "'"))
            if !hasDouble {
                quotes = hasSingle ? [UInt8(ascii: "\""), UInt8(ascii: "'")] : [UInt8(ascii: "\"")]
            } else {
                quotes = hasSingle ? [UInt8(ascii: "\""), UInt8(ascii: "'"), nil] : [UInt8(ascii: "\""), nil]
            }
            doubleQuotesPresent = hasDouble
        }
        guard !delimiters.isEmpty else { return (",", quotes.first ?? UInt8(ascii: "\"")) }

        var best: (score: Double, delimiter: Unicode.Scalar, quote: UInt8?, splitRows: Int, rows: Int)?
        for d in delimiters {
            for q in quotes {
                let dialect = CSVCore.Dialect(delimiter: d, quote: q, escape: options.escape)
                var records = SampleRecord.parse(sample, dialect: dialect, isWholeFile: isWholeFile,
                                                 maxRecords: options.sampleRecords)
                if d == " " {
                    // Space-separated files align their columns with runs of spaces: a run is one separator.
                    records = records.map { r in
                        var c = r
                        c.fields = r.fields.filter { !$0.isEmpty }
                        if c.fields.isEmpty && !r.fields.isEmpty { c.fields = [[]] }
                        return c
                    }
                }
                // Priors: rare delimiters must win clearly, and quoting must beat no quoting clearly.
                let quotePrior = q == nil ? 0.8 : (q == UInt8(ascii: "'") && doubleQuotesPresent) ? 0.8 : 1
                let score = consistency(records, delimiter: d, quote: q) * prior(d) * quotePrior
                // A rare delimiter must also give most rows one width (spaces in prose do not).
                if prior(d) < 1, options.delimiter == nil, modalShare(records) < 0.5 { continue }
                // Two words per line is prose, not a two-column space-separated table.
                if d == " ", options.delimiter == nil, modalWidth(records) < 3 { continue }
                if best == nil || score > best!.score * (1 + 1e-9) + 1e-12 {
                    let rows = records.filter { !$0.isBlank }
                    best = (score, d, q, rows.filter { $0.fields.count > 1 }.count, rows.count)
                }
            }
        }
        guard let best else { return (",", UInt8(ascii: "\"")) }
        // A rare delimiter that splits fewer than two rows is a character of a one-column file.
        // So is any delimiter that splits at most one row of several: the file has one column.
        if options.delimiter == nil, best.splitRows < 2,
           prior(best.delimiter) < 1 || best.rows >= 3 {
            return (",", options.quote == nil ? UInt8(ascii: "\"") : best.quote)
        }
        return (best.delimiter, best.quote)
    }

    /// The most common width of non-blank records.
    static func modalWidth(_ records: [SampleRecord]) -> Int {
        var widths: [Int: Int] = [:]
        for r in records where !r.isBlank { widths[r.fields.count, default: 0] += 1 }
        return widths.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key ?? 0
    }

    /// The share of non-blank records that have the most common width.
    static func modalShare(_ records: [SampleRecord]) -> Double {
        var widths: [Int: Int] = [:]
        var n = 0
        for r in records where !r.isBlank { widths[r.fields.count, default: 0] += 1; n += 1 }
        guard n > 0, let top = widths.values.max() else { return 0 }
        return Double(top) / Double(n)
    }

    /// How common a delimiter is in the files people exchange: the four usual ones score 1.
    static func prior(_ d: Unicode.Scalar) -> Double {
        switch d {
        case ",", ";", "\t": return 1
        case "|": return 0.95
        default: return 0.7
        }
    }

    /// CleverCSV's data consistency Q = P · T.
    static func consistency(_ records: [SampleRecord], delimiter: Unicode.Scalar, quote: UInt8?) -> Double {
        let rows = records.filter { !$0.isBlank }
        guard !rows.isEmpty else { return 0 }
        var widths: [Int: Int] = [:]
        for r in rows { widths[r.fields.count, default: 0] += 1 }
        let eps = 1e-3
        var pattern = 0.0
        for (width, count) in widths { pattern += Double(count) * max(eps, Double(width - 1) / Double(width)) }
        pattern /= Double(widths.count)

        let delimiterByte: UInt8 = delimiter.isASCII ? UInt8(delimiter.value) : 0xFF
        var cells = 0, known = 0
        for r in rows {
            for f in r.fields {
                cells += 1
                if f.withUnsafeBufferPointer({ CellKind.isKnown($0, delimiter: delimiterByte, quote: quote) }) { known += 1 }
            }
        }
        let type = cells == 0 ? 0 : Double(known) / Double(cells)
        return pattern * max(type, eps)
    }

    /// The sample without `#` comment lines (dumps and exports often start with them), unless
    /// every line is one.
    static func withoutCommentLines(_ sample: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sample.count)
        var lineStart = true, skipping = false
        for b in sample {
            if lineStart { skipping = b == UInt8(ascii: "#") }
            if !skipping { out.append(b) }
            lineStart = b == 10 || b == 13
        }
        return out.contains { $0 != 10 && $0 != 13 } ? out : sample
    }

    // MARK: Preamble

    /// How many records sit above the table: titles, export dates and blank lines are narrower than
    /// the table (at most half its width filled), and the table starts at the first record that is
    /// filled wider than that.
    static func preambleLength(_ records: [SampleRecord]) -> Int {
        let rows = records.filter { !$0.isBlank }
        guard rows.count >= 3 else { return 0 }
        var widths: [Int: Int] = [:]
        for r in rows { widths[r.nonEmptyCount, default: 0] += 1 }
        // The most common filled width; ties go to the wider.
        guard let modal = widths.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key, modal >= 2 else { return 0 }
        let narrow = max(1, modal / 2)
        guard let start = records.firstIndex(where: { !$0.isBlank && $0.nonEmptyCount > narrow }) else { return 0 }
        // A long run of narrow records is part of the table, not a title block.
        return start <= 20 ? start : 0
    }

    // MARK: Header

    /// Python's `csv.Sniffer.has_header` idea, on value kinds: a header cell that is text above a
    /// column of numbers or dates votes for a header; a header cell of the column's own kind votes
    /// against. Without typed columns, a first row of distinct non-numeric names is a header.
    static func hasHeader(_ table: [SampleRecord]) -> Bool {
        guard let header = table.first else { return true }
        let body = table.dropFirst()
        func kind(_ f: [UInt8]) -> Int {  // 0 empty, 1 number, 2 date, 3 text
            f.withUnsafeBufferPointer { b in
                if NumberParser.trimmedBounds(b) == nil { return 0 }
                if NumberParser.formatMask(b).mask != 0 { return 1 }
                if DateParser.orderMask(b).mask != 0 { return 2 }
                return 3
            }
        }
        var votes = 0
        for (j, cell) in header.fields.enumerated() {
            var counts = [0, 0, 0, 0]
            for r in body where j < r.fields.count { counts[kind(r.fields[j])] += 1 }
            let filled = counts[1] + counts[2] + counts[3]
            guard filled > 0 else { continue }
            let headerKind = kind(cell)
            for k in 1...2 where Double(counts[k]) >= 0.9 * Double(filled) {
                if headerKind == 3 { votes += 1 } else if headerKind == k { votes -= 1 }
            }
        }
        if votes != 0 { return votes > 0 }
        let kinds = header.fields.map(kind)
        if kinds.contains(1) || kinds.contains(2) { return false }
        let names = header.fields.filter { !$0.isEmpty }
        return Set(names).count == names.count && !names.isEmpty
    }

    // MARK: Line breaks

    static func lineBreak(_ sample: [UInt8]) -> String {
        var lf = 0, crlf = 0, cr = 0
        var i = 0
        while i < sample.count {
            if sample[i] == 13 {
                if i + 1 < sample.count, sample[i + 1] == 10 { crlf += 1; i += 1 } else { cr += 1 }
            } else if sample[i] == 10 { lf += 1 }
            i += 1
        }
        if crlf >= lf && crlf >= cr && crlf > 0 { return "CRLF" }
        if cr > lf { return "CR" }
        return "LF"
    }
}
