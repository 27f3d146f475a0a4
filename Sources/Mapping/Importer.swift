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
        batch.diagnostics += source.openingDiagnostics
        for sheet in source.sheets {
            let loaded = load(source, sheet)
            batch.diagnostics += loaded.diagnostics
            importSheet(source.path, sheet, loaded, into: &batch)
        }
        return batch
    }

    /// The tables and their mappings, without importing rows (for `consolida map` and `inspect`).
    public func analyze(_ source: any TabularSource) -> (tables: [AnalyzedTable], diagnostics: [Diagnostic]) {
        var out: [AnalyzedTable] = [], diagnostics: [Diagnostic] = []
        for sheet in source.sheets {
            let loaded = load(source, sheet)
            diagnostics += loaded.diagnostics
            let (tables, d) = analyzeSheet(source.path, sheet, loaded)
            out += tables; diagnostics += d
        }
        return (out, diagnostics)
    }

    // MARK: Sheets

    struct LoadedSheet {
        var rows: [Row] = []
        var merged: [CellRange] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Reads a whole sheet: table finding looks ahead and column profiles need every value.
    func load(_ source: any TabularSource, _ sheet: SheetInfo) -> LoadedSheet {
        var loaded = LoadedSheet()
        let at = SourceLocation(file: source.path, sheet: sheet.name)
        do {
            var stream = try source.rows(ofSheet: sheet.index)
            do {
                while let row = try stream.next() { loaded.rows.append(row) }
            } catch {
                loaded.diagnostics.append(Diagnostic(.error, code: "MAP-SHEET-TRUNCATED",
                    "the rest of the sheet could not be read after \(loaded.rows.count) rows: \(error)", at: at))
            }
            loaded.diagnostics += stream.drainDiagnostics()
        } catch {
            loaded.diagnostics.append(Diagnostic(.error, code: "MAP-SHEET-UNREADABLE", "sheet could not be read: \(error)", at: at))
        }
        do { loaded.merged = try source.mergedRanges(ofSheet: sheet.index) }
        catch {
            loaded.diagnostics.append(Diagnostic(.warning, code: "MAP-MERGED-UNREADABLE",
                                                 "merged cells could not be read: \(error)", at: at))
        }
        return loaded
    }

    func analyzeSheet(_ path: String, _ sheet: SheetInfo, _ loaded: LoadedSheet) -> ([AnalyzedTable], [Diagnostic]) {
        let settings = options.settings
        let finder = TableFinder(settings: settings)
        let specs = options.mapping?.specs(forSheet: sheet.name) ?? []
        let headerRow = specs.count == 1 ? specs[0].headerRow : nil
        let regions = finder.find(rows: loaded.rows, merged: loaded.merged, headerRow: headerRow)
        var out: [AnalyzedTable] = [], diagnostics: [Diagnostic] = []
        let mapper = ColumnMapper(settings: settings, country: options.effectiveCountry)
        var usedSpecs = Set<Int>()
        for (i, region) in regions.enumerated() {
            let name = region.title ?? (regions.count > 1 ? "Table \(i + 1)" : nil)
            let headerNumber = loaded.rows[region.headerIndex].number
            let mapping: TableMapping
            let chosen = chooseSpec(specs, for: region, index: i, used: usedSpecs)
            if let s = chosen, specs[s].columns.isEmpty {
                // A spec that only places the header (or names the kind): columns mapped automatically.
                usedSpecs.insert(s)
                var auto = mapper.map(headers: region.headers, samples: samples(loaded.rows, region), title: name ?? sheet.name)
                if let kind = specs[s].kind { auto.kind = kind }
                mapping = auto
            } else if let s = chosen {
                usedSpecs.insert(s)
                let (m, d) = SpecResolver.resolve(specs[s], headers: region.headers,
                                                  at: SourceLocation(file: path, sheet: sheet.name, row: headerNumber))
                mapping = m; diagnostics += d
            } else {
                mapping = mapper.map(headers: region.headers, samples: samples(loaded.rows, region),
                                     title: name ?? sheet.name)
            }
            out.append(AnalyzedTable(sheetIndex: sheet.index, sheetName: sheet.name, name: name, region: region,
                                     mapping: mapping, headerRowNumber: headerNumber))
        }
        return (out, diagnostics)
    }

    /// The spec for the i-th table: by title, else by position among the sheet's specs.
    private func chooseSpec(_ specs: [MappingFile.TableSpec], for region: TableRegion, index: Int, used: Set<Int>) -> Int? {
        guard !specs.isEmpty else { return nil }
        if let title = region.title.map({ TextFolding.fold($0) }),
           let s = specs.indices.first(where: { !used.contains($0) && specs[$0].table.map { TextFolding.fold($0) } == title }) {
            return s
        }
        let untitled = specs.indices.filter { !used.contains($0) && specs[$0].table == nil }
        if specs.count == 1 { return 0 }
        return untitled.first ?? (index < specs.count && !used.contains(index) ? index : nil)
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
                let cell = row[column: c]
                guard !cell.isBlank else { continue }
                var list = out[c, default: []]
                guard list.count < limit else { continue }
                list.append(cell)
                if list.count == limit { full += 1 }
                out[c] = list
            }
            i += 1
        }
        return out
    }

    func importSheet(_ path: String, _ sheet: SheetInfo, _ loaded: LoadedSheet, into batch: inout ImportBatch) {
        let (tables, diagnostics) = analyzeSheet(path, sheet, loaded)
        batch.diagnostics += diagnostics
        guard !tables.isEmpty else {
            rejectWholeSheet(path, sheet, loaded.rows, into: &batch)
            return
        }
        for table in tables {
            var importer = TableImporter(path: path, sheet: sheet, table: table, rows: loaded.rows, options: options)
            importer.run(into: &batch)
        }
    }

    /// No header anywhere: every non-blank row is rejected so nothing disappears silently.
    private func rejectWholeSheet(_ path: String, _ sheet: SheetInfo, _ rows: [Row], into batch: inout ImportBatch) {
        var acc = SourceAccounting(file: path, sheet: sheet.name)
        acc.rowsRead = rows.count
        if !rows.isEmpty, sheet.visibility != .visible {
            batch.diagnostics.append(Diagnostic(.info, code: "MAP-HIDDEN-SHEET-SKIPPED",
                "hidden sheet without a table: its rows are counted as skipped", at: SourceLocation(file: path, sheet: sheet.name)))
        } else if !rows.isEmpty {
            batch.diagnostics.append(Diagnostic(.warning, code: "MAP-NO-HEADER",
                "no header row found (no row names two known columns); give header_row in a mapping",
                at: SourceLocation(file: path, sheet: sheet.name)))
        }
        for row in rows {
            if row.isBlank { acc.blank += 1; continue }
            // A hidden sheet without a table (rates, lookups) is not data anyone keeps receivables in.
            if sheet.visibility != .visible || sheet.kind != .worksheet { acc.otherSkipped += 1; continue }
            acc.rejected += 1
            batch.rejects.append(Reject(location: SourceLocation(file: path, sheet: sheet.name, row: row.number, line: row.line),
                                        code: "MAP-NO-HEADER", reason: "no table header found on this sheet",
                                        rawText: TableImporter.rawText(row)))
        }
        batch.accounting.append(acc)
    }
}
