import Receivables
import Tabular

extension AnalyzedTable {
    /// Fields whose values only an invoice holds: in a table read as customers they have nowhere to go.
    static let invoiceOnlyFields: [Field] = [.documentType, .issueDate, .dueDate, .amount, .paid, .balance, .agingBucket]

    /// What the table's mapping means for its rows, said once for the table: its columns describe
    /// no record kind, or it is read as customers although some columns hold invoice values.
    /// Raised by the import (``TableImporter/begin(into:)``) and by `consolida map` (``Importer/analyze(_:)``),
    /// so a proposed mapping shows the same problems the import would meet.
    /// `country` and `currency` say what a bare `$` in a header means (``CurrencyToken/currency(inHeaderText:country:currency:)``).
    func mappingDiagnostics(path: String, country: String?, currency: Currency?) -> [Diagnostic] {
        let tableAt = SourceLocation(file: path, sheet: sheetName, row: headerRowNumber)
        guard let kind = mapping.kind else {
            return [Diagnostic(.warning, code: "MAP-NO-RECORD-KIND",
                "the table's columns describe no invoices, customers or payments (mapped: \(mapping.fields.map(\.field.rawValue).joined(separator: ", ")))",
                at: tableAt)]
        }
        var out: [Diagnostic] = []
        if kind == .customers, let unused = invoiceColumnsUnused(at: tableAt) { out.append(unused) }
        out += hiddenColumnsMapped(at: tableAt)
        if let other = amountsInAnotherCurrency(at: tableAt, country: country, currency: currency) { out.append(other) }
        if let sideBySide = sideBySideTables(at: tableAt) { out.append(sideBySide) }
        return out
    }

    /// The warning for a header row that holds two tables side by side (`Facturas` in A–E, a
    /// blank column or two, `Pagos` in H–K) that were read as one table, so the right-hand one's
    /// values land in the wrong fields or in none. Such tables are split where they can be
    /// (``Importer/splitSideBySide(_:_:moreRowsFollow:finder:mapper:sheetName:)``); this says when
    /// they were not: the table goes on past the window, or its groups are told only by blank
    /// header columns between headers that repeat one another's texts (`Cliente`, `Fecha`, `Monto`
    /// on both sides; a single table with an unlabelled column repeats nothing).
    private func sideBySideTables(at tableAt: SourceLocation) -> Diagnostic? {
        if !unsplitSideBySide.isEmpty {
            let spans = unsplitSideBySide.map { "\(CellRef.columnLetters($0.lowerBound))–\(CellRef.columnLetters($0.upperBound))" }
            return Diagnostic(.warning, code: "MAP-TABLES-SIDE-BY-SIDE",
                "the header row holds tables side by side (columns \(spans.joined(separator: ", "))), but they go on past the rows held for table finding, so they are read as one table and misread: put each table on a sheet of its own, or one below the other",
                at: tableAt)
        }
        // Under a two-row header, a column with no sub-header is named by the group label over it
        // (or carried from the left): it is a blank column as far as the sub-headers go.
        let groupLabels = Set(region.headers.compactMap(\.group))
        let isBlank = { (h: ColumnHeader) in h.text.isEmpty || (h.group == nil && groupLabels.contains(h.text)) }
        var groups: [[ColumnHeader]] = [[]]
        var previous: Int?
        for h in region.headers.sorted(by: { $0.column < $1.column }) where !isBlank(h) {
            if let p = previous, h.column > p + 1 { groups.append([]) }
            groups[groups.count - 1].append(h)
            previous = h.column
        }
        let wide = groups.filter { $0.count >= 2 }
        let folded = wide.map { Set($0.map { TextFolding.fold($0.text) }) }
        for i in wide.indices {
            for j in wide.indices where j > i {
                let shared = wide[i].filter { folded[j].contains(TextFolding.fold($0.text)) }.map(\.text)
                guard shared.count >= 2 else { continue }
                let spans = [wide[i], wide[j]].map { g in
                    "\(CellRef.columnLetters(g[0].column))–\(CellRef.columnLetters(g[g.count - 1].column))"
                }
                return Diagnostic(.warning, code: "MAP-TABLES-SIDE-BY-SIDE",
                    "the header row seems to hold two tables side by side (columns \(spans[0]) and \(spans[1]) both have \(shared.joined(separator: ", "))); they are read as one table, so the right-hand one's values are misread: put each table on a sheet of its own, or one below the other",
                    at: tableAt)
            }
        }
        return nil
    }

    /// One warning per hidden column the mapping reads (automatically, when no visible column
    /// could take its field, or by a mapping file): a column someone hid is often an old copy or a
    /// helper's, and nothing on screen shows where the values came from.
    private func hiddenColumnsMapped(at tableAt: SourceLocation) -> [Diagnostic] {
        guard !hiddenColumns.isEmpty else { return [] }
        let names = Dictionary(region.headers.map { ($0.column, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        return mapping.fields.flatMap { f in
            f.columns.filter(hiddenColumns.contains).map { c in
                let header = names[c].map { $0.isEmpty ? "" : " (\"\($0)\")" } ?? ""
                return Diagnostic(.warning, code: "MAP-HIDDEN-COLUMN-MAPPED",
                    "column \(CellRef.columnLetters(c))\(header) is hidden in the workbook, and its values are read as \(f.field.rawValue): check that it holds current data, or name the column to read in a mapping file",
                    at: tableAt.withColumn(c), found: names[c])
            }
        }
    }

    /// The warning for a table read as customers whose columns hold invoice values: without a
    /// document number a row is no invoice, so its amounts and dates would vanish without a word.
    /// (A mapping file that names the kind `customers` over a document-number column chose so:
    /// nothing to say then.)
    private func invoiceColumnsUnused(at tableAt: SourceLocation) -> Diagnostic? {
        let unused = unusedInvoiceColumns()
        if mapping.has(.documentNumber) { return documentsWithoutAmounts(unused, at: tableAt) }
        guard !unused.isEmpty else { return nil }
        let names = unused.map { "\"\($0.header)\" (\($0.field.rawValue))" }.joined(separator: ", ")
        // A customer-level summary (`Cliente | Saldo | 1-30 | 31-60`: money, no document dates)
        // lists balances, not documents: said as such, since no document-number column will ever be found in it.
        let money: Set<Field> = [.balance, .amount, .paid, .agingBucket]
        if unused.contains(where: { money.contains($0.field) }),
           !unused.contains(where: { [.issueDate, .dueDate, .documentType].contains($0.field) }) {
            return Diagnostic(.warning, code: "MAP-INVOICE-COLUMNS-UNUSED",
                "the table lists customers with money (\(names)) but no documents, so it was read as customers and its balances were NOT imported: no debt of it is in the results; import the report that lists each customer's documents, or, if each row is one document, name its document-number column in a mapping file (consolida map FILE --write Mappings/NAME.yaml)",
                at: tableAt)
        }
        return Diagnostic(.warning, code: "MAP-INVOICE-COLUMNS-UNUSED",
            "no document-number column was found, so the table was read as customers and its invoice columns \(names) were not imported; if it lists invoices, name its document-number column in a mapping file (consolida map FILE --write Mappings/NAME.yaml)",
            at: tableAt)
    }

    /// The warning for a table read as customers although it names documents, with their dates or
    /// a column whose header names money (`Factura | Fecha | Total`): its amounts were not read as
    /// amounts (a format no parser knows), so no invoice of it was imported. (A customer list with
    /// a `Documento` column, a person's ID, has neither.)
    private func documentsWithoutAmounts(_ unused: [(header: String, field: Field)], at tableAt: SourceLocation) -> Diagnostic? {
        let taken = Set(mapping.fields.flatMap(\.columns))
        let money = region.headers.filter { h in
            !taken.contains(h.column) && Self.moneyHeaderWords.contains { TextFolding.containsWords(TextFolding.fold(h.displayName), $0) }
        }
        guard !unused.isEmpty || !money.isEmpty else { return nil }
        let document = mapping.fields.first { $0.field == .documentNumber }?.columns.first
            .flatMap { c in region.headers.first { $0.column == c }?.displayName } ?? ""
        let moneyNames = money.map { "\"\($0.displayName)\"" }.joined(separator: ", ")
        return Diagnostic(.warning, code: "MAP-DOCUMENTS-WITHOUT-AMOUNTS",
            "the table names documents (\"\(document)\") but no column of amounts was found"
                + (money.isEmpty ? "" : " (the values of \(moneyNames) do not read as amounts)")
                + ", so it was read as customers and its documents were NOT imported; name the amount or balance column in a mapping file (consolida map FILE --write Mappings/NAME.yaml), with decimal_separator or currency if its values need them",
            at: tableAt)
    }

    /// The columns mapped to ``invoiceOnlyFields``, by header (or letter), in column order.
    func unusedInvoiceColumns() -> [(header: String, field: Field)] {
        let names = Dictionary(region.headers.map { ($0.column, $0.displayName.isEmpty ? $0.letter : $0.displayName) },
                               uniquingKeysWith: { a, _ in a })
        let columns = mapping.fields.filter { Self.invoiceOnlyFields.contains($0.field) }
            .flatMap { f in f.columns.map { (column: $0, field: f.field) } }
            .sorted { $0.column < $1.column }
        return columns.map { (names[$0.column] ?? CellRef.columnLetters($0.column), $0.field) }
    }
}
