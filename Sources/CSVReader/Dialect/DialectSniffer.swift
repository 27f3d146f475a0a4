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
        let (delimiter, quote) = bestDelimiterAndQuote(sample, isWholeFile: isWholeFile, options: options)
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
        switch options.quote {
        case .some(.none): quotes = [nil]
        case .some(.character(let q)): quotes = [q]
        case nil:
            var qs: [UInt8?] = [UInt8(ascii: "\"")]
            if sample.contains(UInt8(ascii: "'")) { qs.append(UInt8(ascii: "'")) }
            // Without any double quote in the sample, "none" reads the same as `"`.
            if sample.contains(UInt8(ascii: "\"")) { qs.append(nil) }
            quotes = qs
        }
        guard !delimiters.isEmpty else { return (",", quotes.first ?? UInt8(ascii: "\"")) }

        var best: (score: Double, delimiter: Unicode.Scalar, quote: UInt8?)?
        for d in delimiters {
            for q in quotes {
                let dialect = CSVCore.Dialect(delimiter: d, quote: q, escape: options.escape)
                let records = SampleRecord.parse(sample, dialect: dialect, isWholeFile: isWholeFile,
                                                 maxRecords: options.sampleRecords)
                let score = consistency(records, delimiter: d)
                if best == nil || score > best!.score * (1 + 1e-9) + 1e-12 {
                    best = (score, d, q)
                }
            }
        }
        return best.map { ($0.delimiter, $0.quote) } ?? (",", UInt8(ascii: "\""))
    }

    /// CleverCSV's data consistency Q = P · T.
    static func consistency(_ records: [SampleRecord], delimiter: Unicode.Scalar) -> Double {
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
                if f.withUnsafeBufferPointer({ CellKind.isKnown($0, delimiter: delimiterByte) }) { known += 1 }
            }
        }
        let type = cells == 0 ? 0 : Double(known) / Double(cells)
        return pattern * max(type, eps)
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
