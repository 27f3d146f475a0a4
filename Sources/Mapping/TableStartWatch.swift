import Tabular

/// Watches the rows a sheet streams after its window for the start of another table, as
/// ``TableFinder/find(rows:merged:headerRow:above:)`` finds one inside a window: a header
/// candidate that is not the current table's header repeated, or is under a section title of its
/// own (``TableFinder/opensSection(_:header:floor:titleLines:)``). The titles, notes and blanks right
/// above it (``TableFinder/isPreamble(_:)``), and a group row over it (``TableFinder/isGroupRow(_:_:over:merged:)``)
/// with the preamble above that, belong to the new table, so the chunk feeding the workers holds
/// such rows back until it knows what follows them (``ChunkFeed``; at most ``preambleLimit``).
///
/// Most data rows are told apart at their first field without letters past the second (a number,
/// a date), so watching costs the reading thread little.
final class TableStartWatch {  // a class: the chunk judges every row with it, and a struct was copied each time
    let finder: TableFinder
    /// The current table's (last) header row: met again, it is a repeated header, not a new table.
    let headerRow: Row
    /// The title lines above the current table's header (``TableFinder/titleLines(_:of:)``).
    let titleLines: Set<String>
    /// The sheet's merged ranges (a group row's labels may span columns).
    let merged: [CellRange]

    init(finder: TableFinder, headerRow: Row, titleLines: Set<String>, merged: [CellRange]) {
        self.finder = finder; self.headerRow = headerRow; self.titleLines = titleLines; self.merged = merged
    }

    /// Preamble rows held back above a possible header, at most: past this many in a row, the
    /// earliest go to the current table (inside a window they would open the next one).
    static let preambleLimit = 4_096

    /// What a row can be, for the rows that may follow it.
    enum Verdict {
        /// The header of another table.
        case startsTable
        /// The current table's header repeated: another table's if a section title is over it
        /// (``opensSection(under:)``), else a page break's, a row of labels (a preamble row, when
        /// it has two cells or fewer).
        case repeatedHeader
        /// A title, note or blank line: the next table's, if one starts below.
        case preamble
        /// Labels only (more than a preamble holds): a group row, if a header follows right under it.
        case labels
        case data
    }

    /// How many fields of a row hold labels (a letter: any byte from `A` up) and are not blank, and
    /// whether every field not blank is a label: what the verdict on a row starts from.
    struct Shape {
        var labels = 0, nonBlank = 0, onlyLabels = true
        /// A row with a field not blank and no label, and more than two fields not blank, is data
        /// (no header candidate, no preamble): told at that field.
        var isSurelyData: Bool { !onlyLabels && nonBlank > 2 }
    }

    func judge(_ row: Row) -> Verdict {
        // One pass for the shapes, as ``judge(_:)-(TextRowView)`` on bytes: a workbook's data row
        // is told at its first number or date past the second cell (this runs on the reading thread).
        var shape = Shape()
        for cell in row.cells {
            switch cell {
            case .empty: continue
            case .text(let s) where s.utf8.first.map({ $0 >= 0x41 && $0 < 0x80 }) == true:
                shape.nonBlank += 1; shape.labels += 1  // the usual text: a letter first
            case .text(let s):
                let blank = cell.isBlank
                if !blank { shape.nonBlank += 1 }
                if s.utf8.contains(where: { $0 >= 0x41 }) { shape.labels += 1 }
                else if !s.allSatisfy(\.isWhitespace) { shape.onlyLabels = false }
            default:
                shape.nonBlank += 1; shape.onlyLabels = false
            }
            if shape.isSurelyData { return .data }
        }
        return judge(row, shape: shape)
    }

    /// The verdict on a row of that shape.
    func judge(_ row: Row, shape: Shape) -> Verdict {
        if shape.onlyLabels && shape.labels >= 2 && finder.isHeaderCandidate(row) { return headerVerdict(row) }
        if shape.nonBlank <= 2 && finder.isPreamble(row) { return .preamble }
        return shape.onlyLabels && shape.labels >= 1 ? .labels : .data
    }

    private func headerVerdict(_ header: Row) -> Verdict {
        RowClassifier.isRepeatedHeader(header, headerRow: headerRow) ? .repeatedHeader : .startsTable
    }

    /// Whether the header repeated under `preamble` (the preamble rows right above it) opens a
    /// section: another table.
    func opensSection(under preamble: [Row]) -> Bool {
        finder.opensSection(preamble, header: preamble.count, floor: 0, titleLines: titleLines)
    }

    /// ``judge(_:)-(Row)`` of a row read as bytes (every cell of such a row is text), when its
    /// bytes decide it; else its shape, for ``judge(_:shape:)`` of the ``Row`` it makes (the few
    /// rows that may be a header or a preamble).
    ///
    /// (Not a closure building the row: a closure capturing the chunk's rows copied them, retaining
    /// and releasing each of their arrays, for every row.)
    func judge(_ view: TextRowView) -> BytesVerdict {
        // ``TableFinder/isHeaderCandidate(_:)`` starts with "two fields with a letter, and none not
        // blank without one"; a preamble has at most two fields that are not blank.
        var shape = Shape()
        for c in 0..<view.count {
            let field = view[c + 1]
            if field.isEmpty { continue }
            if !TextCell.isBlank(field) { shape.nonBlank += 1 }
            if field.contains(where: { $0 >= 0x41 }) { shape.labels += 1 }
            else if !field.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { shape.onlyLabels = false }
            if shape.isSurelyData { return .decided(.data) }
        }
        guard (shape.onlyLabels && shape.labels >= 1) || shape.nonBlank <= 2 else { return .decided(.data) }
        return .open(shape)
    }

    /// The verdict on a row read as bytes: decided, or left open with the row's shape.
    enum BytesVerdict {
        case decided(Verdict)
        case open(Shape)
    }

    /// Whether `group` (a row judged `.labels`) is a group row over `header`, right under it.
    func isGroupRow(_ group: Row, over header: Row) -> Bool {
        finder.isGroupRow([group, header], 0, over: 1, merged: merged)
    }

    /// How many of the last rows may open a table that starts below them: a row of labels at the
    /// end (a group row) and the preamble rows above it, at most ``preambleLimit``.
    func heldTail(of rows: ArraySlice<Row>) -> Int {
        var held = 0
        if let last = rows.last, judge(last) == .labels { held = 1 }
        while held < TableStartWatch.preambleLimit, held < rows.count, isPreamble(rows[rows.endIndex - held - 1]) { held += 1 }
        return held
    }

    /// Whether `row`, right under `header`, is a row of sub-headers (then those two are the header).
    func isSubHeader(_ row: Row, under header: Row) -> Bool {
        finder.isSubHeader([header, row], 1, over: 0, merged: merged)
    }

    /// Whether `row` may be part of the next table's preamble (``TableFinder/isPreamble(_:)``).
    func isPreamble(_ row: Row) -> Bool { finder.isPreamble(row) }
}
