import Tabular

extension AnalyzedTable {
    /// Fields whose values only an invoice holds: in a table read as customers they have nowhere to go.
    static let invoiceOnlyFields: [Field] = [.documentType, .issueDate, .dueDate, .amount, .paid, .balance]

    /// What the table's mapping means for its rows, said once for the table: its columns describe
    /// no record kind, or it is read as customers although some columns hold invoice values.
    /// Raised by the import (``TableImporter/begin(into:)``) and by `consolida map` (``Importer/analyze(_:)``),
    /// so a proposed mapping shows the same problems the import would meet.
    func mappingDiagnostics(path: String) -> [Diagnostic] {
        let tableAt = SourceLocation(file: path, sheet: sheetName, row: headerRowNumber)
        guard let kind = mapping.kind else {
            return [Diagnostic(.warning, code: "MAP-NO-RECORD-KIND",
                "the table's columns describe no invoices, customers or payments (mapped: \(mapping.fields.map(\.field.rawValue).joined(separator: ", ")))",
                at: tableAt)]
        }
        if kind == .customers, let unused = invoiceColumnsUnused(at: tableAt) { return [unused] }
        return []
    }

    /// The warning for a table read as customers whose columns hold invoice values: without a
    /// document number a row is no invoice, so its amounts and dates would vanish without a word.
    /// (A mapping file that names the kind `customers` over a document-number column chose so:
    /// nothing to say then.)
    private func invoiceColumnsUnused(at tableAt: SourceLocation) -> Diagnostic? {
        let unused = unusedInvoiceColumns()
        guard !mapping.has(.documentNumber), !unused.isEmpty else { return nil }
        let names = unused.map { "\"\($0.header)\" (\($0.field.rawValue))" }.joined(separator: ", ")
        return Diagnostic(.warning, code: "MAP-INVOICE-COLUMNS-UNUSED",
            "no document-number column was found, so the table was read as customers and its invoice columns \(names) were not imported; if it lists invoices, name its document-number column in a mapping file (consolida map FILE --write Mappings/NAME.yaml)",
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
