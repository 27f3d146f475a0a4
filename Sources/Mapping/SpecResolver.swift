import Tabular

/// Turns a mapping file's table spec into a ``TableMapping`` for the headers actually found.
enum SpecResolver {
    static func resolve(_ spec: MappingFile.TableSpec, headers: [ColumnHeader], at location: SourceLocation)
        -> (TableMapping, [Diagnostic]) {
        var fields: [MappedField] = [], diagnostics: [Diagnostic] = []
        var taken = Set<Int>()
        for key in spec.columns.keys.sorted() {
            guard let field = Field(rawValue: key), let columnSpec = spec.columns[key] else { continue }
            var refs: [(header: String?, letter: String?)] = []
            if columnSpec.header != nil || columnSpec.column != nil { refs.append((columnSpec.header, columnSpec.column)) }
            let hs = columnSpec.headers ?? [], ls = columnSpec.columns ?? []
            for i in 0..<max(hs.count, ls.count) { refs.append((i < hs.count ? hs[i] : nil, i < ls.count ? ls[i] : nil)) }
            var columns: [Int] = []
            for ref in refs {
                if let c = column(for: ref.header, letter: ref.letter, headers: headers) {
                    columns.append(c)
                    // A letter past the last header is allowed (data in an unheaded column), but is
                    // more often a typo that leaves the field blank on every row.
                    if let last = headers.map(\.column).max(), c > last {
                        diagnostics.append(Diagnostic(.warning, code: "MAP-MAPPING-COLUMN-OUTSIDE",
                            "mapping puts \(key) in column \(CellRef.columnLetters(c)), past the table's last header (\(CellRef.columnLetters(last)))",
                            at: location, expected: ref.letter, found: headers.map(\.displayName).joined(separator: ", ")))
                    }
                } else {
                    diagnostics.append(Diagnostic(.error, code: "MAP-MAPPING-COLUMN-MISSING",
                        "mapping names a column for \(key) that this table does not have", at: location,
                        expected: ref.header ?? ref.letter, found: headers.map(\.displayName).joined(separator: ", ")))
                }
            }
            guard !columns.isEmpty else { continue }
            taken.formUnion(columns)
            fields.append(MappedField(field: field, columns: columns, confidence: 1, separator: columnSpec.separator ?? " "))
        }
        var ignored = Set<Int>()
        for name in spec.ignore ?? [] {
            if let c = column(for: name, letter: name, headers: headers) { ignored.insert(c); continue }
            // A misspelt name would leave the column an extra attribute without a word.
            diagnostics.append(Diagnostic(.warning, code: "MAP-MAPPING-IGNORE-MISSING",
                "mapping ignores a column this table does not have", at: location,
                expected: name, found: headers.map(\.displayName).joined(separator: ", ")))
        }
        let extras = headers.filter { !taken.contains($0.column) && !ignored.contains($0.column) && !$0.displayName.isEmpty }
        let kind = spec.kind ?? TableMapping.decideKind(Set(fields.map(\.field)), paymentHint: false)
        return (TableMapping(kind: kind, fields: fields.sorted { $0.field < $1.field }, extras: extras), diagnostics)
    }

    /// A header text names the column whose header (or group / header) folds to the same words;
    /// otherwise the letter, when given.
    static func column(for header: String?, letter: String?, headers: [ColumnHeader]) -> Int? {
        if let header {
            let f = TextFolding.fold(header)
            let hits = headers.filter { TextFolding.fold($0.displayName) == f }
            if hits.count == 1 { return hits[0].column }
            let textHits = headers.filter { TextFolding.fold($0.text) == f }
            if textHits.count == 1, hits.isEmpty { return textHits[0].column }
        }
        if let letter, let n = CellRef.columnNumber(letter) { return n }
        return nil
    }
}
