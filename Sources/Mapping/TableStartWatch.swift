import Tabular

/// Watches the rows a sheet streams after its window for the start of another table, as
/// ``TableFinder/find(rows:merged:headerRow:)`` finds one inside a window: a header candidate that
/// is not the current table's header repeated. The titles, notes and blanks right above it
/// (``TableFinder/isPreambleAbove(_:)``) belong to the new table, so the importer holds such rows
/// back until it knows what follows them (at most ``preambleLimit``).
///
/// Most data rows are told apart at their first field without letters (a number, a date), so
/// watching costs the reading thread little.
struct TableStartWatch {
    let finder: TableFinder
    /// The current table's (last) header row: met again, it is a repeated header, not a new table.
    let headerRow: Row

    /// Preamble rows held back above a possible header, at most: past this many in a row, the
    /// earliest go to the current table (inside a window they would open the next one).
    static let preambleLimit = 64

    /// Whether `row` is the header of another table.
    func startsTable(_ row: Row) -> Bool {
        finder.isHeaderCandidate(row) && !RowClassifier.isRepeatedHeader(row, headerRow: headerRow)
    }

    /// Whether `row` may be part of the next table's preamble (``TableFinder/isPreambleAbove(_:)``).
    func isPreamble(_ row: Row) -> Bool { finder.isPreambleAbove(row) }

    /// What a row read as bytes is: the header of another table, a row that may be part of its
    /// preamble, or neither (most rows, told at their first field without a letter past the
    /// second). `row` builds the ``Row`` for the few whose bytes leave it open.
    func judge(_ view: TextRowView, row: () -> Row) -> (startsTable: Bool, isPreamble: Bool) {
        // One pass for both shapes (every cell of such a row is text): ``TableFinder/isHeaderCandidate(_:)``
        // starts with "two fields with a letter, and none not blank without one" (a letter being
        // any byte from `A` up); a preamble has at most two fields that are not blank.
        var labels = 0, nonBlank = 0, mayBeHeader = true
        for c in 0..<view.count {
            let field = view[c + 1]
            if field.isEmpty { continue }
            if !TextCell.isBlank(field) { nonBlank += 1 }
            if field.contains(where: { $0 >= 0x41 }) { labels += 1 }
            else if !field.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { mayBeHeader = false }
            if !mayBeHeader && nonBlank > 2 { return (false, false) }
        }
        guard (mayBeHeader && labels >= 2) || nonBlank <= 2 else { return (false, false) }
        let built = row()
        if mayBeHeader && labels >= 2 && startsTable(built) { return (true, false) }
        return (false, nonBlank <= 2 && isPreamble(built))
    }
}
