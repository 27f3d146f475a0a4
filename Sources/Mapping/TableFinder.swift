import Tabular

/// Finds tables on a sheet: the header row under titles, blank rows and notes; two-row headers
/// (a merged group header over sub-headers, or a group label followed by blanks in CSV); several
/// tables stacked on one sheet, each named by the title line above it.
struct TableFinder {
    let settings: MappingSettings
    let synonyms: [(Field, String)]
    /// Exact folded synonym → field (the longest list's first claim wins, as in `synonyms`).
    let exact: [String: Field]
    /// Synonyms of three letters or more, padded with spaces for whole-word search.
    let padded: [(Field, String)]
    /// `padded`'s synonyms as a set, and the most words one has: whether a header holds any of
    /// them as whole words is a few lookups (``hasSynonym(_:)``), not a search for each.
    let paddedSet: Set<String>
    let paddedMostWords: Int
    /// The totals words, folded (a totals line is no section title).
    let totalsWords: [String]

    init(settings: MappingSettings) {
        self.settings = settings
        totalsWords = settings.totalsWords.map { TextFolding.fold($0) }
        synonyms = settings.foldedSynonyms()
        var exact: [String: Field] = [:]
        for (f, w) in synonyms where exact[w] == nil { exact[w] = f }
        self.exact = exact
        padded = synonyms.filter { $0.1.count >= 3 }.map { ($0.0, " " + $0.1 + " ") }
        let long = synonyms.filter { $0.1.count >= 3 }.map(\.1)
        paddedSet = Set(long)
        paddedMostWords = long.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// The table above a window's rows, when the window starts inside a sheet: its (last) header
    /// row, whose repeats start no table unless a section title is over them, and its title lines
    /// (``titleLines(_:of:)``), which a printed report repeats over them at every page.
    struct TableAbove {
        var header: Row
        var titleLines: Set<String>
    }

    /// Tables in sheet order. With `headerRow` (a row number from a mapping file) the sheet holds one
    /// table whose header is that row. `above`: the table above these rows (a window that starts
    /// inside a sheet).
    func find(rows: [Row], merged: [CellRange], headerRow: Int? = nil, above: TableAbove? = nil) -> [TableRegion] {
        if let headerRow {
            guard let i = rows.firstIndex(where: { $0.number == headerRow }) else { return [] }
            let count = isSubHeader(rows, i + 1, over: i, merged: merged) ? 2 : 1
            return [TableRegion(title: title(rows, before: i, from: 0), startIndex: 0, headerIndex: i,
                                headerRowCount: count, endIndex: rows.count,
                                headers: headers(rows, i, count, merged: merged))]
        }
        var tables: [TableRegion] = []
        var i = 0
        while i < rows.count {
            guard isHeaderCandidate(rows[i]) else { i += 1; continue }
            // The header repeated (a page break) stays in its table; under a title of its own it
            // opens a section, another table (``opensSection(_:header:floor:titleLines:)``).
            if let current = tables.last {
                if isRepeat(rows[i], of: current, rows: rows),
                   !opensSection(rows, header: i, floor: current.dataStartIndex, titleLines: Self.titleLines(rows, of: current)) {
                    i += 1; continue
                }
            } else if let above, RowClassifier.isRepeatedHeader(rows[i], headerRow: above.header),
                      !opensSection(rows, header: i, floor: 0, titleLines: above.titleLines) {
                i += 1; continue
            }
            // A candidate right under a group row: the group row is the header's first row.
            var headerIndex = i
            var count = 1
            if isSubHeader(rows, i + 1, over: i, merged: merged) { count = 2 }
            else if i > 0, isGroupRow(rows, i - 1, over: i, merged: merged),
                    tables.last.map({ $0.dataStartIndex <= i - 1 }) ?? true {
                headerIndex = i - 1; count = 2
            }
            // Titles, notes and blanks above the header belong to this table, not the one before.
            var start = headerIndex
            let floor = tables.last?.dataStartIndex ?? 0
            while start > floor, isPreamble(rows[start - 1]) { start -= 1 }
            if tables.isEmpty { start = 0 }
            if !tables.isEmpty { tables[tables.count - 1].endIndex = start }
            tables.append(TableRegion(title: title(rows, before: headerIndex, from: start), startIndex: start,
                                      headerIndex: headerIndex, headerRowCount: count, endIndex: rows.count,
                                      headers: headers(rows, headerIndex, count, merged: merged)))
            i = headerIndex + count
        }
        return tables
    }

    // MARK: Row shapes

    /// A cell that reads as a label: text with a letter, short, not an email.
    func isLabel(_ cell: CellValue) -> Bool {
        guard case .text(let s) = cell else { return false }
        let t = s.trimmingWhitespace
        guard !t.isEmpty, t.count <= 60, !t.contains("@"), t.contains(where: \.isLetter) else { return false }
        // `15-mar-2024`, `Bs. 1.234,56` are values, not labels.
        if case .success = DateParser.parse(text: t, order: .dmy) { return false }
        if AmountText(t, country: nil) != nil { return false }
        // So is a labelled phone or ID (`Telf. 0212-5551234`, `RIF J-30123456-7`): in a data row
        // beside a name it made a header of the row (`CLIENTES VARIOS | Telf. 0212-5551234`).
        return !Self.hasLongDigitRun(t)
    }

    /// Whether `text` holds seven digits or more in one run, written together or grouped by
    /// spaces, dashes, points or parentheses (a phone, a tax ID); a date's slashes end a run
    /// (`Saldo al 30/06/2024` is a header).
    static func hasLongDigitRun(_ text: String) -> Bool {
        var run = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { run += 1; if run >= 7 { return true } }
            else if b == 0x20 || b == 0x2D || b == 0x2E || b == 0x28 || b == 0x29 { continue }
            else { run = 0 }
        }
        return false
    }

    /// Number of cells whose text is a field synonym.
    func synonymMatches(_ row: Row) -> Int {
        var bucket = false
        let fields = row.cells.reduce(0) { n, cell in
            guard case .text(let s) = cell else { return n }
            let folded = TextFolding.fold(s)
            if hasSynonym(folded) || Self.ledgerHeaders.contains(folded) || TextFolding.foldCamelCase(s).map(hasSynonym) == true {
                return n + 1
            }
            bucket = bucket || AgingBuckets.isBucketHeader(s)
            return n
        }
        // Aging buckets (`Corriente | 1-30 | … | +90`) are known headers, but all of them together
        // count as one: a customer and its buckets is an aging report's whole header.
        return fields + (bucket ? 1 : 0)
    }

    /// A ledger's sides (`Debe`, `Haber`, `Débito`, `Crédito`): no field's synonyms (the mapping
    /// decides what they are from the table), but known headers, so that `Fecha | Concepto | Debe |
    /// Haber` is found as a header as `Fecha | … | Saldo` is. Not the English words: `Credit` and
    /// `Debit` label rows of many other sheets (the corpus has three), which then became headers.
    static let ledgerHeaders: Set<String> = ["debe", "haber", "debito", "debitos", "credito", "creditos", "cargos", "abonos"]

    /// Whether a folded header names a field: the text is a synonym, or holds one of three letters
    /// or more as whole words (a run of its words).
    func hasSynonym(_ folded: String) -> Bool {
        guard !folded.isEmpty else { return false }
        if exact[folded] != nil { return true }
        let words = folded.split(separator: " ")
        for i in words.indices {
            var run = ""
            for j in i..<min(i + paddedMostWords, words.count) {
                if j > i { run += " " }
                run += words[j]
                if paddedSet.contains(run) { return true }
            }
        }
        return false
    }

    func isHeaderCandidate(_ row: Row) -> Bool {
        // Cheap test first (this runs on every row): at least two text cells with letters, no cell
        // that is a number, a date or digits only, and at most twice as many header cells without
        // letters (`#`, `%`, aging buckets `0-30`, `+90`) as with.
        var labels = 0, symbols = 0, colons = 0
        for cell in row.cells {
            switch cell {
            case .empty: continue
            case .text(let s):
                if s.utf8.last(where: { $0 != 0x20 }) == UInt8(ascii: ":") { colons += 1 }
                if s.utf8.contains(where: { $0 >= 0x41 }) { labels += 1 }
                else if Self.isSymbolHeader(s) { symbols += 1 }
                else if !s.allSatisfy(\.isWhitespace) { return false }
            case .number(let d) where Self.isYear(d):
                symbols += 1  // a year column typed as a number (`2024`)
            default: return false
            }
        }
        // A report's parameters (`Vendedor: | Todos | Moneda: | USD | Ejercicio: | 2024`) label their
        // values; a header's cells name columns.
        guard labels >= 2, symbols <= 2 * labels, colons < 2 else { return false }
        let nonBlank = row.cells.filter { !$0.isBlank }
        guard nonBlank.count >= 2, nonBlank.allSatisfy({ isLabel($0) || Self.isSymbolHeader($0.displayText) }) else {
            return false
        }
        return synonymMatches(row) >= 2
    }

    /// A header cell without letters, of the few kinds headers have: a number sign or a percent
    /// (`#`, `%`, `$`), an aging bucket (`0-30`, `31 - 60`, `+90`, `> 90`, `90+`), a year (`2024`,
    /// a summary's column per year). Nothing else: a phone written as text (`0414-5551234`) or the
    /// `-` typed for "none" are data.
    static func isSymbolHeader(_ text: String) -> Bool {
        guard mayBeSymbolHeader(text.utf8) else { return false }
        let t = text.trimmingWhitespace.filter { $0 != " " }
        if ["#", "##", "%", "$", "€", "Nº", "N°", "№"].contains(t) { return true }
        if t.count == 4, let year = Int(t), isYear(Double(year)) { return true }
        func isBound(_ s: Substring) -> Bool { (1...3).contains(s.count) && s.allSatisfy(\.isASCIIDigit) }
        if let first = t.first, "+><".contains(first) { return isBound(t.dropFirst()) }
        if t.last == "+" { return isBound(t.dropLast()) }  // `90+`
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && isBound(parts[0]) && isBound(parts[1])
    }

    /// A whole number that reads as a year of receivables (1990 to 2099).
    static func isYear(_ d: Double) -> Bool { d == d.rounded() && d >= 1990 && d <= 2099 }

    /// A byte test ``isSymbolHeader(_:)`` passes first, because it meets every data cell without
    /// letters (amounts, dates, phones): only the bytes symbol headers are made of, at most seven
    /// of them besides spaces (`999-999`). Text with other than ASCII goes to the full test.
    private static func mayBeSymbolHeader(_ utf8: String.UTF8View) -> Bool {
        var solid = 0, other = false
        for b in utf8 {
            switch b {
            case 0x80...: return true  // `Nº`, `N°`, `€`: the full test decides
            case 0x09...0x0D, 0x20: continue
            case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "$"):
                solid += 1
            default: other = true
            }
        }
        return !other && solid <= 7
    }

    /// Whether row `i` (right under header row `h`) is a row of sub-headers: all labels, and `h` is
    /// a group row (merged cells across columns, or labels with blanks to their right).
    func isSubHeader(_ rows: [Row], _ i: Int, over h: Int, merged: [CellRange]) -> Bool {
        guard i < rows.count, rows[i].number == rows[h].number + 1 else { return false }
        let nonBlank = rows[i].cells.filter { !$0.isBlank }
        guard nonBlank.count >= 2, nonBlank.allSatisfy(isLabel), synonymMatches(rows[i]) >= 1 else { return false }
        return hasGroups(rows[h], under: rows[i], merged: merged)
    }

    /// Whether row `g` (right above header candidate `h`) is a group row over it.
    func isGroupRow(_ rows: [Row], _ g: Int, over h: Int, merged: [CellRange]) -> Bool {
        guard rows[g].number == rows[h].number - 1 else { return false }
        let nonBlank = rows[g].cells.filter { !$0.isBlank }
        guard !nonBlank.isEmpty, nonBlank.allSatisfy(isLabel) else { return false }
        return hasGroups(rows[g], under: rows[h], merged: merged)
            && (nonBlank.count >= 2 || merged.contains { $0.first.row == rows[g].number && $0.last.column > $0.first.column })
    }

    private func hasGroups(_ group: Row, under sub: Row, merged: [CellRange]) -> Bool {
        if merged.contains(where: { $0.first.row == group.number && $0.last.column > $0.first.column }) { return true }
        // CSV: a group label, then blanks where the sub-header row goes on.
        var sawLabel = false
        for c in 1...max(sub.cells.count, 1) {
            if !group[column: c].isBlank { sawLabel = true }
            else if sawLabel && !sub[column: c].isBlank { return true }
        }
        return false
    }

    /// Rows above a header that belong to it: blanks, lines of one cell (a title, a note), and
    /// lines of two labels (``isLabel(_:)``: `Empresa: Acme` · `RIF J-30123456-0`). A row of a
    /// two-column table (`Acme`, `10,00`) is none, nor a totals line with its amount.
    func isPreamble(_ row: Row) -> Bool {
        // Counted without building a list: rows after a window are judged one by one (``TableStartWatch``).
        var nonBlank = 0
        var only: CellValue?
        for cell in row.cells where !cell.isBlank {
            nonBlank += 1
            if nonBlank > 2 { return false }
            only = cell
        }
        if nonBlank == 1, let only, Self.isLoneAmount(only) { return false }
        return nonBlank <= 1 || row.cells.allSatisfy { $0.isBlank || isLabel($0) }
    }

    /// A lone amount (`3.000,00`, a number cell) is the sum under the table above, not a title or
    /// note of the next one. (A date alone, `30/06/2024`, may head a report.)
    static func isLoneAmount(_ cell: CellValue) -> Bool {
        switch cell {
        case .number: return true
        case .text(let s):
            let t = s.trimmingWhitespace
            guard !t.contains(where: \.isLetter), t.contains(where: \.isASCIIDigit) else { return false }
            if case .success = DateParser.parse(text: t, order: .dmy) { return false }
            return AmountText(t, country: nil) != nil
        default: return false
        }
    }

    /// Whether the header repeated at `header` opens a section of its own (`Cartera Febrero 2024`,
    /// `Vendedor: Carlos` over the same columns as the table above): among the preamble rows right
    /// above it (down to `floor`), a line of labels that is no totals label, no page line
    /// (`Página 2 de 5`) and none of the table's own `titleLines` (a printed report repeats its
    /// titles and the header at every page: those stay one table). Read as the table's data, such
    /// a title was a reject, or in a list of customers a customer. The title must have a blank row
    /// above it: a data row of one or two texts (`Acme | Valencia`) right above a page break's
    /// header is data, not a title.
    func opensSection(_ rows: [Row], header: Int, floor: Int, titleLines: Set<String>) -> Bool {
        var j = header - 1, titled = false
        while j >= floor, isPreamble(rows[j]) {
            if rows[j].isBlank {
                if titled { return true }
            } else if let line = Self.titleLine(rows[j]), !titleLines.contains(line), !TableImporter.isPageLine(rows[j]),
                      !totalsWords.contains(where: { line == $0 || line.hasPrefix($0 + " ") }) {
                titled = true
            }
            j -= 1
        }
        return false
    }

    /// A title line's text, folded: the text cells of a row of one or two (`Vendedor: | Carlos`).
    static func titleLine(_ row: Row) -> String? {
        var parts: [String] = []
        for cell in row.cells where !cell.isBlank {
            guard case .text(let s) = cell, parts.count < 2 else { return nil }
            parts.append(s)
        }
        let line = TextFolding.fold(parts.joined(separator: " "))
        return line.isEmpty ? nil : line
    }

    /// The title lines above a table's header (``titleLine(_:)``).
    static func titleLines(_ rows: [Row], of table: TableRegion) -> Set<String> {
        Set(rows[table.startIndex..<table.headerIndex].compactMap(titleLine))
    }

    private func isRepeat(_ row: Row, of table: TableRegion, rows: [Row]) -> Bool {
        let headerRow = rows[table.headerIndex + table.headerRowCount - 1]
        return RowClassifier.isRepeatedHeader(row, headerRow: headerRow)
    }

    /// The table's title: the nearest single-label line above the header that is no note
    /// (`Emitido: 30/06/2024`, `Nota: valores en pesos`, `Subtotal`), else the nearest note.
    func title(_ rows: [Row], before header: Int, from start: Int) -> String? {
        var nearestNote: String?
        var i = header - 1
        while i >= start {
            let nonBlank = rows[i].cells.filter { !$0.isBlank }
            if nonBlank.count == 1, case .text(let s) = nonBlank[0] {
                let line = s.collapsingWhitespace
                if !isNote(line) { return line }
                if nearestNote == nil { nearestNote = line }
            }
            i -= 1
        }
        return nearestNote
    }

    /// Words that open a line about the report rather than its title.
    static let noteWords: Set<String> = [
        "nota", "notas", "note", "notes", "emitido", "emision", "impreso", "generado", "fecha", "pagina", "page",
        "usuario", "user", "corte", "periodo", "desde", "hasta", "moneda", "expresado", "expresados", "valores", "cifras",
    ]

    /// A `Label: value` line, one opening with a note word, or a totals line.
    func isNote(_ line: String) -> Bool {
        if let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 24,
           !line[..<colon].contains(where: \.isNumber) {
            return true  // (`10:15` alone, a time, is no label)
        }
        let folded = TextFolding.fold(line)
        if let first = folded.split(separator: " ").first, Self.noteWords.contains(String(first)) { return true }
        return settings.totalsWords.contains { folded.hasPrefix(TextFolding.fold($0)) }
    }

    /// Column headers from one header row, or from a group row over a sub-header row.
    func headers(_ rows: [Row], _ h: Int, _ count: Int, merged: [CellRange]) -> [ColumnHeader] {
        let top = rows[h]
        let sub = count == 2 ? rows[h + 1] : nil
        let width = max(top.cells.count, sub?.cells.count ?? 0)
        guard width > 0 else { return [] }
        var out: [ColumnHeader] = []
        var carried: String?
        for c in 1...width {
            let topText = top[column: c].isBlank ? nil : top[column: c].displayText.collapsingWhitespace
            guard let sub else {
                out.append(ColumnHeader(column: c, text: topText ?? ""))
                continue
            }
            var group: String? = topText
            if let range = merged.first(where: { $0.contains(CellRef(row: top.number, column: c)) }) {
                let first = top[column: range.first.column]
                group = first.isBlank ? nil : first.displayText.collapsingWhitespace
            } else if group == nil, merged.isEmpty {
                group = carried  // CSV: a group label spans the blanks to its right
            }
            if topText != nil { carried = topText }
            let subText = sub[column: c].isBlank ? "" : sub[column: c].displayText.collapsingWhitespace
            if subText.isEmpty {
                out.append(ColumnHeader(column: c, text: group ?? "", group: nil))
            } else {
                out.append(ColumnHeader(column: c, text: subText, group: group))
            }
        }
        return out
    }
}
