
/// Excel's display model for merged ranges: a merged range shows only its top-left (anchor)
/// cell's value ("merging cells only keeps the upper-left value"). Files can still store values in
/// the other cells (LibreOffice writes them), which Excel never shows; openpyxl blanks them too.
///
/// A reader's row stream keeps what the file stores, because a worksheet's `mergeCells` come after
/// its `sheetData` and a streaming reader cannot know them while it hands rows out. Callers that
/// want what the user sees apply this mask once the ranges are known (`XLSXRowStream.layout` at
/// the end of the stream, `XLSXWorkbook.layout(ofSheet:)` beforehand, or a row stream's
/// `mergedRangesAfterEnd`). Nothing is lost silently: every range that hid a value gets one
/// warning with the count and the first one.
///
/// ```swift
/// var mask = MergedCellMask(mergedRanges: layout.mergedRanges, file: book.path, sheet: "Cartera")
/// let shown = rows.map { mask.apply(to: $0) }
/// problems += mask.diagnostics
/// ```
public struct MergedCellMask: Sendable {
    public let file: String
    public let sheet: String?
    /// The ranges, sorted by first row (then position in the input) for the sweep.
    private let ranges: [CellRange]
    /// Where each sorted range was in the caller's list, so diagnostics come in that order.
    private let inputOrder: [Int]
    /// What each range hid so far: the count and the first cell (row-major) with its value.
    private var hidden: [(count: Int, first: CellRef, value: CellValue)?]
    /// The sweep over rows in ascending order: ranges starting at or above the last row seen.
    private var nextRange = 0
    private var active: [Int] = []
    private var lastRow = 0

    public init(mergedRanges: [CellRange], file: String, sheet: String?) {
        let order = mergedRanges.indices.sorted {
            (mergedRanges[$0].first.row, $0) < (mergedRanges[$1].first.row, $1)
        }
        ranges = order.map { mergedRanges[$0] }
        inputOrder = order
        hidden = Array(repeating: nil, count: order.count)
        self.file = file
        self.sheet = sheet
    }

    /// Whether no range can hide anything (so callers can skip the work).
    public var isEmpty: Bool { ranges.isEmpty }

    /// The row as Excel shows it: values in merged cells other than each range's top-left one
    /// are blanked (trailing empty cells trimmed). Rows may come in any order; ascending is fastest.
    public mutating func apply(to row: Row) -> Row {
        guard !ranges.isEmpty, !row.cells.isEmpty else { return row }
        let r = row.number
        if r < lastRow { nextRange = 0; active.removeAll() }
        lastRow = r
        while nextRange < ranges.count, ranges[nextRange].first.row <= r {
            active.append(nextRange)
            nextRange += 1
        }
        active.removeAll { ranges[$0].last.row < r }
        guard !active.isEmpty else { return row }
        var out = row
        for i in active {
            let range = ranges[i]
            let lastColumn = min(range.last.column, out.cells.count)
            guard range.first.column <= lastColumn else { continue }
            for column in range.first.column...lastColumn {
                if r == range.first.row && column == range.first.column { continue }  // the anchor
                let value = out.cells[column - 1]
                if case .empty = value { continue }
                out.cells[column - 1] = .empty
                let ref = CellRef(row: r, column: column)
                if let h = hidden[i] {
                    hidden[i] = (h.count + 1, ref < h.first ? ref : h.first, ref < h.first ? value : h.value)
                } else {
                    hidden[i] = (1, ref, value)
                }
            }
        }
        while let last = out.cells.last, case .empty = last { out.cells.removeLast() }
        return out
    }

    /// One warning per merged range that hid at least one value, in the order the ranges were given.
    public var diagnostics: [Diagnostic] {
        var byInput: [(Int, Diagnostic)] = []
        for (i, h) in hidden.enumerated() {
            guard let h else { continue }
            let range = ranges[i]
            let values = h.count == 1 ? "1 value" : "\(h.count) values"
            byInput.append((inputOrder[i], Diagnostic(
                .warning, code: "XLSX-MERGED-VALUE-HIDDEN",
                "merged range \(range) shows only its top-left cell \(range.first.a1), as Excel does; \(values) stored in its other cells hidden, the first at \(h.first.a1)",
                at: SourceLocation(file: file, sheet: sheet, row: h.first.row, column: h.first.column),
                found: h.value.displayText)))
        }
        return byInput.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The rows as Excel shows them, and one warning per range that hid values.
    public static func apply(to rows: [Row], mergedRanges: [CellRange], file: String,
                             sheet: String?) -> (rows: [Row], diagnostics: [Diagnostic]) {
        var mask = MergedCellMask(mergedRanges: mergedRanges, file: file, sheet: sheet)
        guard !mask.isEmpty else { return (rows, []) }
        let shown = rows.map { mask.apply(to: $0) }
        return (shown, mask.diagnostics)
    }
}
