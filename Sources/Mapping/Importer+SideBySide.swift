import Tabular

extension Importer {
    /// Fields that say whose or which a record is, and fields that give it a value: a table side by
    /// side with another needs one of each (`Factura` and `Monto`, `Cliente` and `Fecha pago`).
    static let identifyingFields: Set<Field> = [.documentNumber, .customerName, .firstName, .lastName, .taxID]
    static let valueFields: Set<Field> = [.amount, .paid, .balance, .paymentAmount, .issueDate, .dueDate, .paymentDate]

    /// The regions with each header row that holds tables side by side split into one region per
    /// table (``TableFinder/sideBySideGroups(_:rows:merged:)``, ``isSideBySide(_:_:mapper:sheetName:)``).
    /// The last region is left whole when more rows follow the window (its rows are streamed
    /// through one table): `unsplit` gives its groups, by index in the regions returned, to be warned about.
    func splitSideBySide(_ regions: [TableRegion], _ loaded: LoadedSheet, moreRowsFollow: Bool, finder: TableFinder,
                         mapper: ColumnMapper, sheetName: String?)
        -> (regions: [TableRegion], unsplit: [Int: [ClosedRange<Int>]]) {
        var out: [TableRegion] = [], unsplit: [Int: [ClosedRange<Int>]] = [:]
        for (i, region) in regions.enumerated() {
            let groups = finder.sideBySideGroups(region, rows: loaded.rows, merged: loaded.merged)
            let parts = groups.isEmpty ? [] : finder.split(region, into: groups, rows: loaded.rows)
            guard !parts.isEmpty, isSideBySide(parts, loaded, mapper: mapper, sheetName: sheetName) else {
                out.append(region)
                continue
            }
            if i == regions.count - 1, moreRowsFollow {
                unsplit[out.count] = groups
                out.append(region)
            } else {
                out += parts
            }
        }
        return (out, unsplit)
    }

    /// Whether the groups of one header row are tables of their own rather than one table with
    /// blank spacer columns: each group's automatic mapping describes a record kind with at least
    /// two fields, one saying whose or which record it is and one giving a value
    /// (``identifyingFields``, ``valueFields``), and each shares a field with another group
    /// (invoices and their payments both name the customer or the document; one table rarely
    /// holds a field twice).
    func isSideBySide(_ parts: [TableRegion], _ loaded: LoadedSheet, mapper: ColumnMapper, sheetName: String?) -> Bool {
        var fieldSets: [Set<Field>] = []
        for part in parts {
            let hidden = Set(part.headers.map(\.column).filter { loaded.isHidden(column: $0) })
            let mapping = mapper.map(headers: part.headers, samples: samples(loaded.rows, part), title: part.title ?? sheetName,
                                     hidden: hidden, rows: Self.firstDataRows(loaded.rows, part))
            let fields = Set(mapping.fields.map(\.field))
            guard mapping.kind != nil, fields.count >= 2, !fields.isDisjoint(with: Self.identifyingFields),
                  !fields.isDisjoint(with: Self.valueFields) else { return false }
            fieldSets.append(fields)
        }
        return fieldSets.indices.allSatisfy { i in
            fieldSets.indices.contains { j in j != i && !fieldSets[i].isDisjoint(with: fieldSets[j]) }
        }
    }
}
