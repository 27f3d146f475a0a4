import Foundation
import Synchronization
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
        switch readAhead.isEmpty ? pull() : readAhead.removeFirst() {
        case .row(let row, let drained):
            diagnostics += drained
            if fillsGaps && row.number > lastNumber + 1 {
                afterGap = row
                return next(into: &diagnostics)
            }
            lastNumber = max(lastNumber, row.number)
            return row
        case .end(let drained):
            diagnostics += drained
            finished = stream
            stream = nil
            return nil
        }
    }

    /// One step of the stream: a row and the reader's diagnostics drained after it, or the end
    /// (or the break) with the last of them.
    private enum Pulled {
        case row(Row, [Diagnostic])
        case end([Diagnostic])
    }

    /// Reads the stream's next row. Its diagnostics are drained every 4096 rows, so they come out
    /// at the same rows whether a row is read ahead or not.
    private mutating func pull() -> Pulled {
        do {
            // `stream!` is checked by the callers; mutating through it keeps the reader's state in place.
            if let row = try stream!.next() {
                rowsRead += 1
                return .row(row, rowsRead % 4096 == 0 ? stream!.drainDiagnostics() : [])
            }
            return .end(stream!.drainDiagnostics())
        } catch {
            return .end(stream!.drainDiagnostics() + [truncation(error)])
        }
    }

    /// Rows read ahead of ``next(into:)`` while the merged ranges are looked up, oldest first.
    private var readAhead = ReadAheadQueue<Pulled>()

    /// Whether rows read ahead are still to be handed out.
    var holdsRowsReadAhead: Bool { !readAhead.isEmpty }

    /// Reads up to `limit` rows of a workbook's sheet ahead while `waiting()` holds (asked every
    /// 256 rows), and not past the end of the sheet. The reading thread would otherwise sit idle
    /// while the merged ranges are looked up; these are rows it has to parse anyway, and
    /// ``next(into:)`` hands them out with the same diagnostics, gaps and end as unread ones.
    mutating func readAhead(limit: Int, while waiting: () -> Bool) {
        guard stream != nil, fillsGaps else { return }
        var count = 0
        while count < limit, count % 256 != 0 || waiting() {
            let pulled = pull()
            readAhead.append(pulled)
            count += 1
            if case .end = pulled { return }
        }
    }

    /// Rows read ahead while a long sheet's merged ranges are looked up. The lookup inflates the
    /// sheet once more, about as long as reading 150,000 rows of a 13-column export takes beside
    /// it; they hold about 90 MB.
    static let readAheadRows = 150_000

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
        if let lookup { readAhead(limit: Self.readAheadRows, while: { !lookup.isDone }) }
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
    private let finished = Atomic<Bool>(false)

    init(_ source: any TabularSource, sheet: Int) {
        nonisolated(unsafe) let source = source
        let thread = Thread { [self] in
            HelperThreadPriority.lowerCurrentThread()
            found = Result { try source.mergedRanges(ofSheet: sheet) }
            finished.store(true, ordering: .releasing)
            done.signal()
        }
        thread.name = "consolida.merged-ranges"
        thread.start()
    }

    /// Whether the lookup has ended (``result()`` returns at once).
    var isDone: Bool { finished.load(ordering: .acquiring) }

    /// Waits for the lookup.
    func result() -> Result<[CellRange], any Error> {
        done.wait()
        done.signal()  // later calls return at once
        return found
    }
}

/// A first-in, first-out queue over an array: appends at the back, takes from a head index, and
/// starts over once emptied.
private struct ReadAheadQueue<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }

    mutating func append(_ item: Element) { items.append(item) }

    mutating func removeFirst() -> Element {
        let item = items[head]
        head += 1
        if head == items.count { items.removeAll(); head = 0 }
        return item
    }
}
