import Tabular

/// What a row inside a table's data area is.
enum RowClass: Equatable {
    case blank
    case repeatedHeader
    case totals
    case data
}

/// Tells data rows from blank rows, totals and subtotal rows, and header rows repeated inside the
/// data (printed reports repeat the header on every page).
struct RowClassifier {
    let totalsWords: [String]
    let headerRow: Row
    /// Columns whose values identify a real record (document number, date): a totals row has none.
    let keyColumns: [Int]

    init(settings: MappingSettings, headerRow: Row, keyColumns: [Int]) {
        totalsWords = settings.totalsWords.map { TextFolding.fold($0) }
        self.headerRow = headerRow; self.keyColumns = keyColumns
    }

    func classify(_ row: Row) -> RowClass {
        if row.isBlank { return .blank }
        if RowClassifier.isRepeatedHeader(row, headerRow: headerRow) { return .repeatedHeader }
        if isTotals(row) { return .totals }
        return .data
    }

    /// A row whose first label is a totals word (`TOTAL`, `Total general:`, `Subtotal zona 2`) and
    /// that has no document number or date of its own (a customer called `Total Distribuciones C.A.`
    /// with an invoice number is data).
    func isTotals(_ row: Row) -> Bool {
        guard let label = row.cells.first(where: { if case .text(let s) = $0 { return s.contains(where: \.isLetter) }; return false }),
              case .text(let s) = label else { return false }
        let folded = TextFolding.fold(s)
        guard totalsWords.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") }) else { return false }
        for c in keyColumns {
            let cell = row[column: c]
            if cell.isBlank { continue }
            if case .text(let t) = cell, TextFolding.fold(t) == folded { continue }  // the label itself
            return false
        }
        return true
    }

    /// Most of the row repeats the header's texts.
    static func isRepeatedHeader(_ row: Row, headerRow: Row) -> Bool {
        var same = 0, total = 0
        for (i, h) in headerRow.cells.enumerated() where !h.isBlank {
            total += 1
            let cell = row[column: i + 1]
            if case .text(let a) = cell, case .text(let b) = h, TextFolding.fold(a) == TextFolding.fold(b) { same += 1 }
        }
        return total >= 2 && same * 10 >= total * 6
    }
}
