import Tabular

extension Importer {
    /// The automatic mapping of a source written as a ``MappingFile`` a person can review: one table
    /// spec per table found, each column by header text (and letter, as a fallback), with the
    /// confidence it was mapped with, and the file's name as the pattern it applies to.
    public func proposeMapping(_ source: any TabularSource, name: String? = nil) -> (MappingFile, [Diagnostic]) {
        let (tables, diagnostics) = analyze(source)
        let fileName = source.path.split(separator: "/").last.map(String.init) ?? source.path
        var file = MappingFile(name: name, files: [fileName], country: options.effectiveCountry,
                               currency: options.mappingCurrency?.code ?? options.currency?.code)
        let perSheet = Dictionary(grouping: tables, by: \.sheetIndex)
        for table in tables {
            var spec = MappingFile.TableSpec(sheet: table.sheetName, kind: table.mapping.kind)
            if (perSheet[table.sheetIndex]?.count ?? 0) > 1 { spec.table = table.name } else { spec.headerRow = table.headerRowNumber }
            let headers = Dictionary(uniqueKeysWithValues: table.region.headers.map { ($0.column, $0) })
            for f in table.mapping.fields {
                let named = f.columns.map { headers[$0] }
                // A header text that appears twice in the table cannot name a column; the letter does.
                let texts: [String?] = named.map { h in
                    guard let h, !h.displayName.isEmpty,
                          table.region.headers.filter({ TextFolding.fold($0.displayName) == TextFolding.fold(h.displayName) }).count == 1
                    else { return nil }
                    return h.displayName
                }
                let letters = f.columns.map { CellRef.columnLetters($0) }
                var col = MappingFile.ColumnSpec(confidence: Int((f.confidence * 100).rounded()))
                if f.columns.count == 1 {
                    col.header = texts[0]; col.column = letters[0]
                } else {
                    if texts.allSatisfy({ $0 != nil }) { col.headers = texts.compactMap { $0 } }
                    col.columns = letters
                    if f.separator != " " { col.separator = f.separator }
                }
                spec.columns[f.field.rawValue] = col
            }
            file.tables.append(spec)
        }
        return (file, diagnostics)
    }

    /// The comment written above a proposed mapping: what it is and how to use it.
    public static func proposalComment(for path: String, tables: Int) -> String {
        """
        Mapping proposed by `consolida map` for \(path) (\(tables) table\(tables == 1 ? "" : "s")).
        Review it: each column names its header text (and letter, used when the header is not found)
        and the confidence of the automatic match in percent (ignored when reading).
        Columns not listed are kept as extra attributes. Schema: Mappings/README.md.
        Use it with: consolida import FILE --mapping THIS.yaml --out DIR
        """
    }
}
