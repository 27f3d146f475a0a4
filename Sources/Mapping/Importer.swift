import Receivables
import Tabular

/// One table found on a sheet, with the mapping chosen for it (automatic or from a mapping file).
public struct AnalyzedTable: Sendable {
    public var sheetIndex: Int
    public var sheetName: String?
    /// The table's name: its title, or `Table N` when a sheet holds several untitled tables.
    public var name: String?
    public var region: TableRegion
    public var mapping: TableMapping
    /// Row number of the (first) header row.
    public var headerRowNumber: Int
    /// The mapping file's table spec it was given, if any (by index among the sheet's specs), and
    /// what resolving it raised.
    var specIndex: Int?
    var specDiagnostics: [Diagnostic] = []
    /// The groups of a header row that holds tables side by side, when they were read as this one
    /// table (it goes on past the window: ``Importer/splitSideBySide(_:_:moreRowsFollow:finder:mapper:sheetName:)``).
    var unsplitSideBySide: [ClosedRange<Int>] = []
    /// The table's columns that the sheet hides (a workbook's hidden columns).
    var hiddenColumns: Set<Int> = []
}

/// The import pipeline: a tabular source (and optional mapping) → customers, invoices and payments,
/// rejects with their places, row accounting per table, and diagnostics.
///
/// Every row read is accounted for: imported, rejected (with a reason and its raw text), blank,
/// a totals row, or a header/title row (`SourceAccounting.balances` holds for every table).
public struct Importer: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) { self.options = options }

    public func importSource(_ source: any TabularSource) -> ImportBatch {
        var batch = ImportBatch()
        importSource(source, into: &batch) { _ in }
        return batch
    }

    /// Imports a source without holding it: every few thousand rows `flush` receives the batch and
    /// may take its records away (write them and empty `customers`, `invoices`, `payments` and
    /// `rejects`); accounting and diagnostics stay in the batch. Memory is one window of rows per
    /// sheet (``ImportOptions/windowRows``) plus what `flush` leaves behind.
    public func importSource(_ source: any TabularSource, into batch: inout ImportBatch,
                             flush: (inout ImportBatch) -> Void) {
        importSource(source, encoding: KeepRecords(), into: &batch) { batch, _ in flush(&batch) }
    }

    /// ``importSource(_:into:flush:)`` with each chunk's records encoded on the worker that built
    /// them: `flush` receives the batch and the encoded chunks that follow its records, in row order.
    public func importSource<E: ChunkEncoding>(_ source: any TabularSource, encoding: E, into batch: inout ImportBatch,
                                               flush: (inout ImportBatch, [E.Encoded]) -> Void) {
        importSource(source, encoding: encoding, into: &batch, flush: flush, onTables: { _ in })
    }

    /// ``importSource(_:encoding:into:flush:)``, handing `onTables` each table found as its rows
    /// are about to be imported (``preview(_:samples:)``).
    func importSource<E: ChunkEncoding>(_ source: any TabularSource, encoding: E, into batch: inout ImportBatch,
                                        flush: (inout ImportBatch, [E.Encoded]) -> Void,
                                        onTables: ([AnalyzedTable]) -> Void) {
        batch.diagnostics += source.openingDiagnostics
        batch.diagnostics += unmatchedSheetSpecs(source)
        var used = Set<Int>()  // the mapping's entries some table took, by their place in the file
        for sheet in source.sheets {
            var reader = SheetReader(source, sheet)
            let window = reader.window(rows: windowRows(for: sheet))
            batch.diagnostics += window.diagnostics
            let specs = options.mapping?.specs(forSheet: sheet.name) ?? []
            importSheet(source.path, sheet, window, rest: &reader, encoding: encoding, into: &batch, flush: flush) { tables in
                for t in tables {
                    guard let s = t.specIndex, s < specs.count, let k = options.mapping?.tables.firstIndex(of: specs[s]) else { continue }
                    used.insert(k)
                }
                onTables(tables)
            }
        }
        batch.diagnostics += unmatchedTableSpecs(source, used: used)
        flush(&batch, [])
    }

    /// A workbook's mapping entry naming a table (`table:`) but no sheet that no table of any
    /// sheet took: its columns went unused. (An entry naming its sheet is said per sheet, by
    /// ``noteUnmatchedSpecs(_:used:_:_:into:)``, as every entry of a CSV is.)
    func unmatchedTableSpecs(_ source: any TabularSource, used: Set<Int>) -> [Diagnostic] {
        guard let mapping = options.mapping, source.sheets.contains(where: { $0.name != nil }) else { return [] }
        return mapping.tables.enumerated().compactMap { k, spec in
            guard spec.sheet == nil, let name = spec.table, !used.contains(k) else { return nil }
            return Diagnostic(.warning, code: "MAP-MAPPING-TABLE-UNMATCHED",
                "the mapping's table \"\(name)\" matched no table of any sheet: its columns were not used (the tables were mapped automatically)",
                at: SourceLocation(file: source.path))
        }
    }

    /// A mapping entry whose `sheet:` names no sheet of the source (renamed, misspelt): its
    /// columns go unused, and the user is told so, as a wrong `files:` pattern is.
    func unmatchedSheetSpecs(_ source: any TabularSource) -> [Diagnostic] {
        guard let mapping = options.mapping else { return [] }
        let names = source.sheets.map(\.name)
        return mapping.tables.compactMap { spec in
            guard let pattern = spec.sheet,
                  !names.contains(where: { mapping.specs(forSheet: $0).contains(spec) }) else { return nil }
            return Diagnostic(.warning, code: "MAP-MAPPING-SHEET-UNMATCHED",
                              "the mapping's entry for sheet \"\(pattern)\" matches no sheet of this file (sheets: \(names.map { $0 ?? "(none)" }.joined(separator: ", "))): its columns were not used",
                              at: SourceLocation(file: source.path))
        }
    }

    /// The tables and their mappings (for `consolida map`), as an import finds them. A sheet
    /// within one window is analyzed without importing its rows; a longer one is read through as
    /// an import reads it (tables may start past the window), its records dropped as they come.
    public func analyze(_ source: any TabularSource) -> (tables: [AnalyzedTable], diagnostics: [Diagnostic]) {
        var out: [AnalyzedTable] = [], diagnostics: [Diagnostic] = []
        for sheet in source.sheets {
            var reader = SheetReader(source, sheet)
            var window = reader.window(rows: windowRows(for: sheet))
            diagnostics += window.diagnostics
            guard !reader.hasMoreRows else {
                var batch = ImportBatch(), tables: [AnalyzedTable] = []
                importSheet(source.path, sheet, window, rest: &reader, encoding: KeepRecords(), into: &batch,
                            flush: { batch, _ in batch.customers = []; batch.invoices = []; batch.payments = []; batch.rejects = [] },
                            onTables: { tables += $0 })
                out += tables
                // What reading the cells and the mapping raised, not what each row did.
                diagnostics += batch.diagnostics.filter { $0.code.hasPrefix("MAP-MERGED") || $0.code.hasPrefix("MAP-SHEET") }
                diagnostics += tables.flatMap { $0.specDiagnostics + $0.mappingDiagnostics(path: source.path, country: options.effectiveCountry, currency: options.currency) }
                continue
            }
            diagnostics += maskMergedCells(&window, source.path, sheet).diagnostics
            let (tables, d) = analyzeSheet(source.path, sheet, window)
            out += tables; diagnostics += d + tables.flatMap { $0.mappingDiagnostics(path: source.path, country: options.effectiveCountry, currency: options.currency) }
        }
        return (out, diagnostics)
    }

    // MARK: Sheets

    /// Rows to hold for table finding: the usual window, or past a mapping's `header_row` when it
    /// lies further down.
    func windowRows(for sheet: SheetInfo) -> Int {
        let specs = options.mapping?.specs(forSheet: sheet.name) ?? []
        guard specs.count == 1, let header = specs[0].headerRow else { return options.windowRows }
        return max(options.windowRows, header + options.windowRows)
    }

    func analyzeSheet(_ path: String, _ sheet: SheetInfo, _ loaded: LoadedSheet) -> ([AnalyzedTable], [Diagnostic]) {
        var used = Set<Int>()
        return analyzeSheet(path, sheet, loaded, tablesBefore: 0, above: nil, moreRowsFollow: false, usedSpecs: &used)
    }

    /// The tables of a window that starts after `tablesBefore` tables of the sheet, the last of
    /// them `above` (named and given mapping specs as if the sheet's tables
    /// were all in one window). `moreRowsFollow`: the sheet goes on past the window, so its last
    /// table may too. A header row that holds tables side by side gives one table each (not under
    /// a mapping's `header_row`, which makes the sheet one table).
    func analyzeSheet(_ path: String, _ sheet: SheetInfo, _ loaded: LoadedSheet, tablesBefore: Int, above: TableFinder.TableAbove?,
                      moreRowsFollow: Bool, usedSpecs: inout Set<Int>) -> ([AnalyzedTable], [Diagnostic]) {
        let settings = options.settings
        let finder = TableFinder(settings: settings)
        let specs = options.mapping?.specs(forSheet: sheet.name) ?? []
        let headerRow = specs.count == 1 ? specs[0].headerRow : nil
        let found = finder.find(rows: loaded.rows, merged: loaded.merged, headerRow: headerRow, above: above)
        var out: [AnalyzedTable] = []
        var mapper = ColumnMapper(settings: settings, country: options.effectiveCountry)
        mapper.currency = options.currency
        let (regions, unsplit) = headerRow != nil ? (found, [:])
            : splitSideBySide(found, loaded, moreRowsFollow: moreRowsFollow, finder: finder, mapper: mapper, sheetName: sheet.name)
        for (i, region) in regions.enumerated() {
            let name = region.title ?? (tablesBefore + regions.count > 1 ? "Table \(tablesBefore + i + 1)" : nil)
            let headerNumber = loaded.rows[region.headerIndex].number
            let hidden = Set(region.headers.map(\.column).filter { loaded.isHidden(column: $0) })
            let mapping: TableMapping
            var diagnostics: [Diagnostic] = []
            // A spec titled as another table of the window is that table's, however alike the titles.
            let otherTitles = Set(regions.indices.filter { $0 != i }.compactMap { regions[$0].title.map(TextFolding.fold) })
            let chosen = chooseSpec(specs, for: region, index: tablesBefore + i, used: usedSpecs, otherTitles: otherTitles)
            if let s = chosen, specs[s].columns.isEmpty {
                // A spec that only places the header (or names the kind): columns mapped automatically,
                // but for those it ignores (neither a field nor an extra attribute).
                usedSpecs.insert(s)
                let ignored = Set((specs[s].ignore ?? []).compactMap { SpecResolver.column(for: $0, letter: $0, headers: region.headers) })
                var auto = mapper.map(headers: region.headers.filter { !ignored.contains($0.column) },
                                      samples: samples(loaded.rows, region), title: name ?? sheet.name,
                                      hidden: hidden, rows: Self.firstDataRows(loaded.rows, region),
                                      preamble: loaded.rows[region.startIndex..<region.headerIndex])
                if let kind = specs[s].kind { auto.kind = kind }
                mapping = auto
            } else if let s = chosen {
                usedSpecs.insert(s)
                let (m, d) = SpecResolver.resolve(specs[s], headers: region.headers,
                                                  at: SourceLocation(file: path, sheet: sheet.name, row: headerNumber))
                mapping = m; diagnostics = d
            } else {
                mapping = mapper.map(headers: region.headers, samples: samples(loaded.rows, region),
                                     title: name ?? sheet.name, hidden: hidden, rows: Self.firstDataRows(loaded.rows, region),
                                     preamble: loaded.rows[region.startIndex..<region.headerIndex])
            }
            out.append(AnalyzedTable(sheetIndex: sheet.index, sheetName: sheet.name, name: name, region: region,
                                     mapping: mapping, headerRowNumber: headerNumber, specIndex: chosen,
                                     specDiagnostics: diagnostics, unsplitSideBySide: unsplit[i] ?? [],
                                     hiddenColumns: hidden))
        }
        return (out, out.flatMap(\.specDiagnostics))
    }

    /// Rows the workbook hides are imported (nothing is dropped unseen), but a hidden row is often
    /// an old or a helper's: the user is told which, once per sheet (a hidden sheet is said already).
    private func noteHiddenRows(_ rows: [Int], _ path: String, _ sheet: SheetInfo, into batch: inout ImportBatch) {
        guard !rows.isEmpty, sheet.visibility == .visible else { return }
        let shown = rows.prefix(10).map(String.init).joined(separator: ", ") + (rows.count > 10 ? ", …" : "")
        batch.diagnostics.append(Diagnostic(.warning, code: "MAP-HIDDEN-ROWS-IMPORTED",
            "the sheet hides \(rows.count) row\(rows.count == 1 ? "" : "s") holding values (\(shown)); they were imported like the others: check that they hold current data",
            at: SourceLocation(file: path, sheet: sheet.name, row: rows[0])))
    }

    /// A mapping entry naming a table that no table of the sheet matched: its columns were not
    /// used (the table's title changed, or it is misspelt). Said for a sheet the entry names, or
    /// for a CSV (a sheet-less entry elsewhere is meant for the sheets that have its table).
    private func noteUnmatchedSpecs(_ specs: [MappingFile.TableSpec], used: Set<Int>, _ path: String, _ sheet: SheetInfo,
                                    into batch: inout ImportBatch) {
        for (i, spec) in specs.enumerated() where !used.contains(i) {
            guard let name = spec.table, spec.sheet != nil || sheet.name == nil else { continue }
            batch.diagnostics.append(Diagnostic(.warning, code: "MAP-MAPPING-TABLE-UNMATCHED",
                "the mapping's table \"\(name)\" matched no table here: its columns were not used (the tables were mapped automatically)",
                at: SourceLocation(file: path, sheet: sheet.name)))
        }
    }

    /// A folded title's words that hold no digit and name no month (`Cobranza junio 2024` and
    /// `Cobranza julio 2024` are one report's titles).
    static func withoutNumbers(_ folded: String) -> String {
        folded.split(separator: " ").filter { !$0.contains(where: \.isNumber) && MonthNames.month(String($0)) == nil }
            .joined(separator: " ")
    }

    /// The spec for the sheet's `index`-th table (0-based).
    ///
    /// A spec naming a table (`table:`) applies to the table of that name and to no other: its
    /// title (or, failing that, its title's words without numbers: `Cartera al 31/07/2024` for
    /// `Cartera al 30/06/2024`), or `Table N` for an untitled table (the names `consolida map`
    /// writes). The words alone never take a spec titled exactly as another table of the sheet
    /// (`otherTitles`, folded): `Cartera Febrero` is February's, not January's. Specs naming
    /// no table serve the other tables in order; one alone on its sheet serves them all (a layout
    /// repeated down the sheet). A table no spec serves is mapped automatically.
    private func chooseSpec(_ specs: [MappingFile.TableSpec], for region: TableRegion, index: Int, used: Set<Int>,
                            otherTitles: Set<String> = []) -> Int? {
        guard !specs.isEmpty else { return nil }
        let name = TextFolding.fold(region.title ?? "Table \(index + 1)")
        if let s = specs.indices.first(where: { !used.contains($0) && specs[$0].table.map(TextFolding.fold) == name }) {
            return s
        }
        // A title's dates, numbers and months change from one month's file to the next (`Cartera
        // al 30/06/2024`, `Cobranza junio`): without them, the title still names its table.
        // (Only for a real title: `Table 2` is a place, and its number all it says.)
        let words = region.title == nil ? "" : Self.withoutNumbers(name)
        if !words.isEmpty, let s = specs.indices.first(where: { s in
            guard !used.contains(s), let table = specs[s].table.map(TextFolding.fold) else { return false }
            return !otherTitles.contains(table) && Self.withoutNumbers(table) == words
        }) {
            return s
        }
        let untitled = specs.indices.filter { specs[$0].table == nil }
        if specs.count == 1, let only = untitled.first { return only }
        return untitled.first { !used.contains($0) }
    }

    /// A table's first data rows as they stand (the mapper checks how columns move together).
    static func firstDataRows(_ rows: [Row], _ region: TableRegion, limit: Int = 200) -> ArraySlice<Row> {
        rows[region.dataStartIndex..<min(region.endIndex, region.dataStartIndex + limit)]
    }

    /// The first non-blank data values of each column, for value profiling.
    func samples(_ rows: [Row], _ region: TableRegion, limit: Int = 200) -> [Int: [CellValue]] {
        var out: [Int: [CellValue]] = [:]
        let columns = region.headers.map(\.column)
        var i = region.dataStartIndex
        var full = 0
        while i < region.endIndex, full < columns.count {
            let row = rows[i]
            for c in columns {
                // A padded number is judged as the text the sheet shows (`V01234567`, `00102`).
                let cell = row.shown?[c].map(CellValue.text) ?? row[column: c]
                guard !cell.isBlank else { continue }
                let count = out[c]?.count ?? 0
                guard count < limit else { continue }
                // Appended in place: a copy taken out of the dictionary was copied whole on each append.
                out[c, default: []].append(cell)
                if count + 1 == limit { full += 1 }
            }
            i += 1
        }
        return out
    }

    /// Imports a sheet's tables: every table but the last lies inside the window; the last one also
    /// takes the rows after it when the sheet is longer than the window, until another table starts
    /// there (``TableStartWatch``). That table's rows, and those after it, then make the next window,
    /// read the same way. Merged cells read as the sheet shows them (``MergedCellMask``,
    /// ``MergedDataFill``) in every part.
    /// `onTables` receives the tables as they are imported.
    func importSheet<E: ChunkEncoding>(_ path: String, _ sheet: SheetInfo, _ loaded: LoadedSheet, rest: inout SheetReader,
                                       encoding: E, into batch: inout ImportBatch,
                                       flush: (inout ImportBatch, [E.Encoded]) -> Void,
                                       onTables: ([AnalyzedTable]) -> Void = { _ in }) {
        var window = loaded
        // A mapping that gives the sheet's header row makes it one table, as inside a window.
        let specs = options.mapping?.specs(forSheet: sheet.name) ?? []
        let finder = specs.count == 1 && specs[0].headerRow != nil ? nil : TableFinder(settings: options.settings)
        // A window that ends on a possible header takes the row under it too: a sub-header row
        // decides how many rows the header has.
        if let finder, let last = window.rows.last, finder.isHeaderCandidate(last), let row = rest.takePeeked() {
            window.rows.append(row)
        }
        var mask = maskMergedCells(&window, path, sheet)
        var usedSpecs = Set<Int>()
        defer { noteUnmatchedSpecs(specs, used: usedSpecs, path, sheet, into: &batch) }
        var (tables, _) = analyzeSheet(path, sheet, window, tablesBefore: 0, above: nil,
                                       moreRowsFollow: rest.hasMoreRows, usedSpecs: &usedSpecs)
        var fill = MergedDataFill(merged: window.merged, file: path, sheet: sheet.name)
        if !fill.isEmpty {
            for i in window.rows.indices {
                let isData = tables.contains { $0.region.dataStartIndex <= i && i < $0.region.endIndex }
                fill.apply(to: &window.rows[i], isData: isData)
            }
        }
        /// The next row after the window, as the sheet shows it.
        func nextShown(_ notes: inout [Diagnostic]) -> Row? {
            guard var row = rest.next(into: &notes) else { return nil }
            if !mask.isEmpty { row = mask.apply(to: row) }
            if !fill.isEmpty { fill.apply(to: &row, isData: !tables.isEmpty) }
            return row
        }
        defer {
            fill.finish()
            batch.diagnostics += mask.diagnostics + fill.diagnostics
        }
        defer { noteHiddenRows(rest.hiddenRowsWithValues, path, sheet, into: &batch) }
        // Rows read past a window before it was cut (a batch read as bytes goes on past the next
        // table's header): the first rows after the window, streamed before the rest.
        var afterWindow: [Row] = []
        /// The window's rows and the rest, when no table was found in it.
        func rejectWithoutTable(_ rejectedBefore: SourceAccounting? = nil) {
            var sinceFlush = 0
            var acc = rejectedBefore ?? SourceAccounting(file: path, sheet: sheet.name)
            var rows = (window.rows + afterWindow).makeIterator()
            while let row = rows.next() ?? nextShown(&batch.diagnostics) {
                rejectWithoutHeader(path, sheet, row, &acc, into: &batch)
                sinceFlush += 1
                if sinceFlush >= options.flushRows { sinceFlush = 0; flush(&batch, []) }
            }
            batch.accounting.append(acc)
        }
        /// The next window after the rows taken: `first`, then rows read up to a window's worth
        /// (and the row under a possible header at its end).
        func readWindow(_ first: [Row], size: Int) -> LoadedSheet {
            var rows = first
            while rows.count < size, let row = afterWindow.isEmpty ? nextShown(&batch.diagnostics) : afterWindow.removeFirst() {
                rows.append(row)
            }
            if rows.count >= size, let last = rows.last, finder?.isHeaderCandidate(last) == true {
                if let row = afterWindow.isEmpty ? nextShown(&batch.diagnostics) : afterWindow.removeFirst() { rows.append(row) }
            }
            return LoadedSheet(rows: rows, merged: window.merged, hiddenColumns: window.hiddenColumns)
        }
        // No header in the first window: its rows are rejected, and the next window is looked at,
        // until a table starts (or the sheet ends).
        var rejectedBefore: SourceAccounting?
        if tables.isEmpty, let finder, rest.hasMoreRows {
            var acc = SourceAccounting(file: path, sheet: sheet.name)
            let watch = TableStartWatch(finder: finder, headerRow: Row(number: 0, cells: []), titleLines: [], merged: window.merged)
            while tables.isEmpty, rest.hasMoreRows {
                // Its last rows may be the title and group row of a table that starts after it.
                let keep = watch.heldTail(of: window.rows[...])
                for row in window.rows.dropLast(keep) { rejectWithoutHeader(path, sheet, row, &acc, into: &batch) }
                flush(&batch, [])
                window = readWindow(Array(window.rows.suffix(keep)), size: keep + windowRows(for: sheet))
                (tables, _) = analyzeSheet(path, sheet, window, tablesBefore: 0, above: nil,
                                           moreRowsFollow: rest.hasMoreRows || !afterWindow.isEmpty, usedSpecs: &usedSpecs)
            }
            if tables.isEmpty { rejectedBefore = acc } else { batch.accounting.append(acc) }
        }
        guard !tables.isEmpty else {
            noteSheetWithoutHeader(path, sheet, empty: window.rows.isEmpty && rejectedBefore == nil, into: &batch)
            rejectWithoutTable(rejectedBefore)
            return
        }
        if sheet.visibility != .visible {
            // Its rows are imported (nothing is dropped unseen), but hidden data is often an old
            // copy or a helper's: the user is told, once per sheet.
            batch.diagnostics.append(Diagnostic(.warning, code: "MAP-HIDDEN-SHEET-IMPORTED",
                "the sheet is \(sheet.visibility == .veryHidden ? "very hidden" : "hidden") in the workbook; its tables were imported: check that it holds current data",
                at: SourceLocation(file: path, sheet: sheet.name)))
        }
        // A CSV file's rows go to the workers as bytes, and become Rows there if at all.
        let readsText = mask.isEmpty && fill.isEmpty && rest.readsTextRows
        // A workbook's reading thread parses XML, slower than the workers import its rows: it is
        // the import's critical path (``ChunkFeed/init(importer:encoding:size:readerBound:)``).
        // A CSV file's rows are read in a fraction of that time.
        let readerBound = !rest.readsTextRows
        var tablesBefore = 0
        var above: TableFinder.TableAbove?
        // Where the sheet's statements ended so far (``TableImporter/StatementStart``).
        var statementClosings: Set<String> = []
        while true {
            var nextTable: (rows: [Row], header: Int)?
            // The last table takes the rows after the window. One that starts further down and goes
            // on past the window first gets a window of its own, from its first row, to be found
            // and profiled as inside one (a two-row header cut by the window's end, conventions
            // that later values settle).
            let last = tables.count - 1
            let lastStart = tables[last].region.startIndex
            let rewindow = lastStart > 0 && (rest.hasMoreRows || !afterWindow.isEmpty)
            // (What a mapping spec raised for the table given a window of its own is raised there.)
            let imported = Array(tables[..<(rewindow ? last : tables.count)])
            onTables(imported)
            batch.diagnostics += imported.flatMap(\.specDiagnostics)
            for (t, table) in tables.enumerated() where t < last || !rewindow {
                // A table beside another on its header row sees its own columns of the rows they share.
                let rows = table.region.columns.map { tableRows(window.rows, table.region, columns: $0) } ?? window.rows
                var importer = TableImporter(path: path, sheet: sheet, table: table, rows: rows, options: options)
                importer.begin(into: &batch)
                importer.statementStart.closingBalances = statementClosings
                var feed = ChunkFeed(importer: importer, encoding: encoding, size: options.flushRows, readerBound: readerBound)
                let asText = readsText && feed.takesTextRows
                let region = table.region
                let isLast = t == last
                let watch = isLast ? finder.map {
                    TableStartWatch(finder: $0, headerRow: rows[region.headerIndex + region.headerRowCount - 1],
                                    titleLines: TableFinder.titleLines(rows, of: region), merged: window.merged)
                } : nil
                // The window's last rows may be the preamble (and group row) of a table that starts
                // after it: they wait with the rows after the window until those tell.
                let trailing = watch?.heldTail(of: rows[region.dataStartIndex..<region.endIndex]) ?? 0
                // A bound reader goes on reading while the workers take the window's rows; a CSV
                // file's reader need not get ahead.
                feed.rowsInMemory = readerBound
                for i in region.dataStartIndex..<region.endIndex - trailing {
                    feed.add(rows[i], asText: asText, into: &batch, flush: flush)
                }
                // The reader's notes met past the next table's first rows (when read as bytes).
                var notesAfter: [Diagnostic] = []
                if isLast {
                    let waiting = rows[region.endIndex - trailing ..< region.endIndex]
                    // The reader's own notes (cell problems, a break) travel with the chunk they were met
                    // in, so they come out in the same place whatever the workers' timing.
                    var notes: [Diagnostic] = []
                    if let watch { feed.watchForNextTable(watch) }
                    // (Rows after another table's start stay in the chunk behind it, and go with it.)
                    for row in waiting + afterWindow { feed.add(row, asText: asText, into: &batch, flush: flush) }
                    feed.rowsInMemory = false
                    if asText {
                        if let row = rest.takePeeked() { feed.add(row, asText: true, into: &batch, flush: flush) }
                        while feed.nextTableStart == nil {
                            let more = feed.readTextRows({ rest.next(into: &$0, limit: $1, diagnostics: &notes) })
                            // Notes met past the next table's first rows come after this table.
                            if feed.readPastNextTable { notesAfter = notes; notes = [] }
                            if !notes.isEmpty { feed.attach(notes); notes = [] }
                            guard more else { break }
                            feed.submitIfFull(into: &batch, flush: flush)
                        }
                    } else {
                        while feed.nextTableStart == nil, let row = nextShown(&notes) {
                            if !notes.isEmpty { feed.attach(notes); notes = [] }
                            feed.rowsInMemory = rest.holdsRowsReadAhead
                            feed.add(row, into: &batch, flush: flush)
                        }
                    }
                    nextTable = feed.takeNextTable()
                    feed.attach(notes)
                    // The sheet turns out to hold several tables: an untitled one is numbered, as in a window.
                    if nextTable != nil, table.name == nil { importer.accounting.table = "Table \(tablesBefore + t + 1)" }
                }
                importer.accounting.add(feed.finish(into: &batch, flush: flush))
                statementClosings = feed.statementClosings
                importer.finish(into: &batch)
                batch.diagnostics += notesAfter
            }
            if rewindow {
                let region = tables[last].region
                nextTable = (Array(window.rows[lastStart...]) + afterWindow, region.headerIndex - lastStart)
                if let s = tables[last].specIndex { usedSpecs.remove(s) }
                if last > 0 {
                    let before = tables[last - 1].region
                    above = .init(header: window.rows[before.headerIndex + before.headerRowCount - 1],
                                  titleLines: TableFinder.titleLines(window.rows, of: before))
                }
                tablesBefore += last
            } else {
                let region = tables[last].region
                above = .init(header: window.rows[region.headerIndex + region.headerRowCount - 1],
                              titleLines: TableFinder.titleLines(window.rows, of: region))
                tablesBefore += tables.count
            }
            guard let next = nextTable else { return }
            // The next table's window: a window's worth of rows from its preamble on (at least up to
            // the row under its header), whether they were read as bytes or one by one.
            let size = max(windowRows(for: sheet), next.header + 2)  // (a sub-header row under it, if any)
            afterWindow = Array(next.rows.dropFirst(size))
            window = readWindow(Array(next.rows.prefix(size)), size: size)
            (tables, _) = analyzeSheet(path, sheet, window, tablesBefore: tablesBefore, above: above,
                                       moreRowsFollow: rest.hasMoreRows || !afterWindow.isEmpty, usedSpecs: &usedSpecs)
            // Its first row is a header the finder takes; were it not, the rows are still accounted for.
            guard !tables.isEmpty else { rejectWithoutTable(); return }
        }
    }

    /// The window's rows with those of `region` kept to `columns` (``Row/keeping(columns:)``): what
    /// a table side by side with another on its header row reads of the rows they share.
    func tableRows(_ rows: [Row], _ region: TableRegion, columns: ClosedRange<Int>) -> [Row] {
        var out = rows
        for i in region.startIndex..<region.endIndex { out[i] = rows[i].keeping(columns: columns) }
        return out
    }

    /// The window's rows as the spreadsheet shows them: a merged range shows only its top-left
    /// value, so values stored under the rest of it are blanked. The mask returned goes on with the
    /// rows after the window and holds one warning per range that hid values.
    func maskMergedCells(_ window: inout LoadedSheet, _ path: String, _ sheet: SheetInfo) -> MergedCellMask {
        var mask = MergedCellMask(mergedRanges: window.merged, file: path, sheet: sheet.name)
        if !mask.isEmpty { window.rows = window.rows.map { mask.apply(to: $0) } }
        return mask
    }

    private func noteSheetWithoutHeader(_ path: String, _ sheet: SheetInfo, empty: Bool, into batch: inout ImportBatch) {
        guard !empty else { return }
        if sheet.visibility != .visible {
            batch.diagnostics.append(Diagnostic(.info, code: "MAP-HIDDEN-SHEET-SKIPPED",
                "hidden sheet without a table: its rows are counted as skipped", at: SourceLocation(file: path, sheet: sheet.name)))
        } else {
            batch.diagnostics.append(Diagnostic(.warning, code: "MAP-NO-HEADER",
                "no header row found (no row names two known columns); give header_row in a mapping",
                at: SourceLocation(file: path, sheet: sheet.name)))
        }
    }

    /// No header anywhere: every non-blank row is rejected so nothing disappears silently.
    private func rejectWithoutHeader(_ path: String, _ sheet: SheetInfo, _ row: Row, _ acc: inout SourceAccounting,
                                     into batch: inout ImportBatch) {
        acc.rowsRead += 1
        if row.isBlank { acc.blank += 1; return }
        // A hidden sheet without a table (rates, lookups) is not data anyone keeps receivables in.
        if sheet.visibility != .visible || sheet.kind != .worksheet { acc.otherSkipped += 1; return }
        acc.rejected += 1
        batch.rejects.append(Reject(location: SourceLocation(file: path, sheet: sheet.name, row: row.number, line: row.line),
                                    code: "MAP-NO-HEADER", reason: "no table header found on this sheet",
                                    rawText: TableImporter.rawText(row)))
    }
}
