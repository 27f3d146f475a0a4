import Foundation
import Tabular

/// The first rows of a sheet, held in memory: table finding looks ahead from a header, and column
/// profiles decide a column's conventions from its values.
struct LoadedSheet {
    var rows: [Row] = []
    var merged: [CellRange] = []
    var diagnostics: [Diagnostic] = []
    /// The columns the sheet hides (``RowStream/hiddenColumns``).
    var hiddenColumns: [ClosedRange<Int>] = []

    /// Whether the sheet hides a 1-based column.
    func isHidden(column: Int) -> Bool { hiddenColumns.contains { $0.contains(column) } }
}

/// Reads one sheet as a window of rows and then the rest one row at a time, turning reader failures
/// into diagnostics: a sheet that cannot be opened, or that breaks off, loses no row silently.
struct SheetReader {
    private let path: String
    private let sheet: SheetInfo
    private let source: any TabularSource
    private var stream: (any RowStream)?
    private let opened: Bool
    /// A row read to learn whether the window held the whole sheet, handed out first by `next`.
    private var peeked: Row?
    private var rowsRead = 0
    /// The number of the last row handed out, and a row read after rows the sheet does not store
    /// (handed out once blank rows have stood in for those).
    private var lastNumber = 0
    private var afterGap: Row?
    /// Whether the stream may skip rows it does not store (a workbook's); a CSV file numbers every
    /// line, and its rows may come as bytes (``next(into:limit:diagnostics:)``), past any gap.
    private let fillsGaps: Bool
    private var pending: [Diagnostic] = []

    init(_ source: any TabularSource, _ sheet: SheetInfo) {
        self.source = source; self.sheet = sheet; path = source.path
        do { stream = try source.rows(ofSheet: sheet.index) }
        catch {
            pending.append(Diagnostic(.error, code: "MAP-SHEET-UNREADABLE", "sheet could not be read: \(error)",
                                      at: SourceLocation(file: path, sheet: sheet.name)))
        }
        opened = stream != nil
        fillsGaps = !(stream is any TextRowStream)
    }

    /// Up to `limit` rows, and the sheet's merged ranges. When the sheet ends inside the window,
    /// the window is the whole sheet.
    mutating func window(rows limit: Int) -> LoadedSheet {
        var loaded = LoadedSheet()
        // The merged ranges are looked up while the window is read (``MergedRangeLookup``), once
        // the sheet looks long: a short one gives them at its end, for nothing.
        var lookup: MergedRangeLookup?
        while loaded.rows.count < limit, let row = next(into: &loaded.diagnostics) {
            loaded.rows.append(row)
            if lookup == nil, opened, loaded.rows.count == min(Self.longSheetRows, limit) {
                lookup = MergedRangeLookup(source, sheet: sheet.index)
            }
        }
        if stream != nil { peeked = next(into: &loaded.diagnostics) }
        loaded.hiddenColumns = (stream ?? finished)?.hiddenColumns ?? []
        if opened { loaded.merged = mergedRanges(lookup, into: &loaded.diagnostics) }
        loaded.diagnostics += pending
        pending = []
        return loaded
    }

    /// The rows read so far that the sheet hides and that hold values (``RowStream/hiddenRowsWithValues``).
    var hiddenRowsWithValues: [Int] { (stream ?? finished)?.hiddenRowsWithValues ?? [] }

    /// Whether rows may follow the window (the sheet did not end inside it).
    var hasMoreRows: Bool { peeked != nil || afterGap != nil || stream != nil }

    /// The next row after the window, or `nil` at the end (or when the sheet breaks off, with an error).
    mutating func next(into diagnostics: inout [Diagnostic]) -> Row? {
        if let row = peeked { peeked = nil; return row }
        if let row = afterGap {
            // The rows a workbook does not store are blank rows, as a CSV of the sheet has them:
            // row accounting then adds up to the last row number whatever the format.
            if lastNumber + 1 < row.number { lastNumber += 1; return Row(number: lastNumber, line: nil, cells: []) }
            afterGap = nil; lastNumber = row.number
            return row
        }
        guard stream != nil else { return nil }
        do {
            // `stream!` is checked just above; mutating through it keeps the reader's state in place.
            if let row = try stream!.next() {
                rowsRead += 1
                if rowsRead % 4096 == 0 { diagnostics += stream!.drainDiagnostics() }
                if fillsGaps && row.number > lastNumber + 1 {
                    afterGap = row
                    return next(into: &diagnostics)
                }
                lastNumber = max(lastNumber, row.number)
                return row
            }
            diagnostics += stream!.drainDiagnostics()
        } catch {
            diagnostics += stream!.drainDiagnostics()
            diagnostics.append(truncation(error))
        }
        finished = stream
        stream = nil
        return nil
    }

    /// Whether the rest of the sheet can come as bytes (``next(into:limit:diagnostics:)``): a CSV
    /// file's rows.
    var readsTextRows: Bool { stream is any TextRowStream }

    /// The row read after the window, if it has not been handed out yet (rows read as bytes start after it).
    mutating func takePeeked() -> Row? {
        defer { peeked = nil }
        return peeked
    }

    /// ``next(into:)`` for rows read as bytes (``readsTextRows``, after ``takePeeked()``): appends
    /// up to `limit` rows; returns whether the sheet may have more. The reader's diagnostics come
    /// out at the same rows as from `next(into:)`, so they reach the same chunks.
    mutating func next(into rows: inout TextRows, limit: Int, diagnostics: inout [Diagnostic]) -> Bool {
        guard peeked == nil, var text = stream as? any TextRowStream else { return false }
        let before = rows.count
        do {
            let more = try text.next(into: &rows, limit: min(limit, 4096 - rowsRead % 4096))
            rowsRead += rows.count - before
            if more {
                if rowsRead % 4096 == 0 { diagnostics += text.drainDiagnostics() }
                stream = text
                return true
            }
            diagnostics += text.drainDiagnostics()
        } catch {
            rowsRead += rows.count - before
            diagnostics += text.drainDiagnostics()
            diagnostics.append(truncation(error))
        }
        finished = text
        stream = nil
        return false
    }

    /// The error of a sheet that breaks off: the rows before it are kept.
    private func truncation(_ error: any Error) -> Diagnostic {
        Diagnostic(.error, code: "MAP-SHEET-TRUNCATED", "the rest of the sheet could not be read after \(rowsRead) rows: \(error)",
                   at: SourceLocation(file: path, sheet: sheet.name))
    }

    /// Rows after which a sheet is taken for long, and its merged ranges are looked up beside it.
    static let longSheetRows = 5_000

    /// The stream after its last row: a workbook's merged ranges come after its cells.
    private var finished: (any RowStream)?

    /// From the finished stream when the window holds the whole sheet; else from the source (for a
    /// workbook, a scan of the sheet that parses it again only when it has merged cells).
    private mutating func mergedRanges(_ lookup: MergedRangeLookup?, into diagnostics: inout [Diagnostic]) -> [CellRange] {
        let found = lookup?.result()
        if stream == nil, peeked == nil, let known = finished?.mergedRangesAfterEnd { return known }
        do { return try found?.get() ?? source.mergedRanges(ofSheet: sheet.index) }
        catch {
            diagnostics.append(Diagnostic(.warning, code: "MAP-MERGED-UNREADABLE", "merged cells could not be read: \(error)",
                                          at: SourceLocation(file: path, sheet: sheet.name)))
            return []
        }
    }
}

/// A sheet's merged ranges, looked up on a thread of its own while the reading thread reads the
/// sheet's first rows. A workbook keeps a sheet's merges after all its cells, so the lookup
/// inflates the whole sheet once more; on the reading thread that added about a tenth to the
/// import of a long workbook, and the workers are idle while the window is read.
/// (``TabularSource/mergedRanges(ofSheet:)`` may run beside a row stream of the same sheet.)
private final class MergedRangeLookup: @unchecked Sendable {
    // @unchecked: `found` is written once, on the lookup thread, before `done` is signalled, and
    // read only after waiting for it.
    private var found: Result<[CellRange], any Error> = .success([])
    private let done = DispatchSemaphore(value: 0)

    init(_ source: any TabularSource, sheet: Int) {
        nonisolated(unsafe) let source = source
        let thread = Thread { [self] in
            HelperThreadPriority.lowerCurrentThread()
            found = Result { try source.mergedRanges(ofSheet: sheet) }
            done.signal()
        }
        thread.name = "consolida.merged-ranges"
        thread.start()
    }

    /// Waits for the lookup.
    func result() -> Result<[CellRange], any Error> {
        done.wait()
        done.signal()  // later calls return at once
        return found
    }
}
