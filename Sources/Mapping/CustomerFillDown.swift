import Tabular

/// A customer written once above the invoices that share it, its cells left blank on the rows
/// below (neither repeated nor merged):
///
///     Cliente    NIT          Factura  Monto
///     Alfa SAS   900123456-8  FV-1     1.000
///                             FV-2       500
///
/// In a table laid out so (at least a tenth of the rows with a document number in the first window
/// name no customer: in a list where every row names its customer, a row missing it is a mistake,
/// not the customer above), an invoice row whose customer's identity cells (name, first and last
/// name, tax ID) are all blank takes the customer cells of the nearest row above that has them, as
/// a merged cell's value fills the rows it spans (``MergedDataFill``), and says so
/// (`MAP-CUSTOMER-FILLED-DOWN`). A blank row or a totals row ends a group: below one, an invoice
/// with no customer stays without (and is warned about, `MAP-INVOICE-NO-CUSTOMER`).
///
/// Chunks of a table are imported on several threads: each starts from the source in effect at
/// the end of the rows before it (``ChunkFeed`` finds it, scanning the chunk back from its end),
/// and within a chunk the worker keeps it as rows pass.
struct CustomerFillDown: Sendable {
    /// Name, first and last name and tax ID columns: a row with one of them filled names a customer.
    let identityColumns: [Int]
    /// Every customer column (``TableImporter/customerColumns(_:)``): the cells a row takes.
    let customerColumns: [Int]

    /// The row a group's customer cells come from, where a chunk's worker keeps it: a row it has
    /// as a ``Row``, or one of its rows read as bytes (built only when a row below needs it).
    enum Source: Sendable {
        case row(Row)
        case text(Int)
    }

    /// The table's fill-down, when it is an invoice table with a customer identity column.
    init?(kind: RecordKind?, fieldColumns: [[Int]]) {
        guard kind == .invoices else { return nil }
        identityColumns = [Field.customerName, .firstName, .lastName, .taxID].flatMap { fieldColumns[$0.ordinal] }.sorted()
        guard !identityColumns.isEmpty else { return nil }
        customerColumns = TableImporter.customerColumns(fieldColumns)
    }

    /// Whether the table's first rows show the layout: of the rows with a document number, at
    /// least a tenth name no customer.
    func isLayout(of rows: ArraySlice<Row>, documentColumns: [Int]) -> Bool {
        var documents = 0, unnamed = 0
        for row in rows where documentColumns.contains(where: { !row[column: $0].isBlank }) {
            documents += 1
            if !namesCustomer(row) { unnamed += 1 }
        }
        return unnamed > 0 && unnamed * 10 >= documents
    }

    func namesCustomer(_ row: Row) -> Bool { identityColumns.contains { !row[column: $0].isBlank } }

    func namesCustomer(_ row: TextRowView) -> Bool { identityColumns.contains { !TextCell.isBlank(row[$0]) } }

    /// `row` with the blank customer cells taken from `source`.
    func filled(_ row: Row, from source: Row) -> Row {
        var row = row
        for c in customerColumns where row[column: c].isBlank && !source[column: c].isBlank {
            if row.cells.count < c { row.cells.append(contentsOf: repeatElement(.empty, count: c - row.cells.count)) }
            row.cells[c - 1] = source[column: c]
        }
        return row
    }
}

extension TableImporter {
    /// What a row does to the customer the rows under it take, as ``consume(_:into:plain:)``
    /// decides it: names one (a data row with a customer), ends the group (a blank or totals row),
    /// or passes (a row taking the customer above, a repeated header, a page line).
    enum FillEffect { case names, ends, passes }

    func fillEffect(of row: Row) -> FillEffect {
        guard let fillDown, let classifier else { return .passes }
        switch classifier.classify(row) {
        case .blank, .totals: return .ends
        case .repeatedHeader: return .passes
        case .data:
            if Self.isPageLine(row) { return .passes }
            if isUnlabeledTotals(row) { return .ends }
            return fillDown.namesCustomer(row) ? .names : .passes
        }
    }

    /// The source in effect after rows imported one after the other (a chunk's Rows, then its rows
    /// read as bytes), starting from `current`: the last row naming a customer, unless a row that
    /// ends the group comes after it. Scans back from the end, so it usually reads one row.
    func fillSource(after rows: [Row], _ text: TextRows, from current: Row?) -> Row? {
        for r in stride(from: text.count - 1, through: 0, by: -1) {
            if text.withRow(r, { view in (0..<view.count).allSatisfy { TextCell.isBlank(view[$0 + 1]) } }) { return nil }
            let row = text.row(r)
            switch fillEffect(of: row) {
            case .names: return row
            case .ends: return nil
            case .passes: continue
            }
        }
        for row in rows.reversed() {
            switch fillEffect(of: row) {
            case .names: return row
            case .ends: return nil
            case .passes: continue
            }
        }
        return current
    }
}
