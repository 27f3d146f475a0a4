/// One row of a table as a reader delivers it.
public struct Row: Sendable, Hashable {
    /// The row number as a spreadsheet shows it (1-based). For CSV it counts records, so a record
    /// with quoted newlines is still one row.
    public var number: Int
    /// The physical line where the row starts, for text formats; `nil` for workbooks.
    public var line: Int?
    /// Cells from column A (index 0) up to the last non-empty cell the reader saw.
    public var cells: [CellValue]
    /// The currency marks number cells show through their number format (`"Bs." #,##0.00`,
    /// `[$USD]`), by 1-based column, as written in the format; `nil` when none does (always, for
    /// text formats, whose cells carry their marks in their text).
    public var currencies: [Int: String]?
    /// The text number cells show through a zero-padding format (`00000` shows 102 as `00102`), by
    /// 1-based column; `nil` when none does.
    public var shown: [Int: String]?

    public init(number: Int, line: Int? = nil, cells: [CellValue], currencies: [Int: String]? = nil,
                shown: [Int: String]? = nil) {
        self.number = number; self.line = line; self.cells = cells; self.currencies = currencies; self.shown = shown
    }

    /// A cell's text as the sheet shows it: its padded text (``shown``), else ``CellValue/displayText``.
    public func shownText(column: Int) -> String {
        if let shown, let text = shown[column] { return text }
        return self[column: column].displayText
    }

    /// The value in a 1-based column, `.empty` beyond the row's end.
    public subscript(column column: Int) -> CellValue {
        column >= 1 && column <= cells.count ? cells[column - 1] : .empty
    }

    /// Whether every cell is blank.
    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// A pull-based stream of rows: readers implement it so that callers hold one row at a time.
///
/// `next()` throws only for file-level failures (the rest of the file cannot be read); cell-level
/// problems are collected and handed out by ``drainDiagnostics()``.
public protocol RowStream {
    /// The next row, or `nil` at the end. Readers may skip rows that have no cells at all, so row
    /// numbers can jump; blank rows that exist in the file may also be returned.
    mutating func next() throws -> Row?
    /// Problems found since the last call.
    mutating func drainDiagnostics() -> [Diagnostic]
    /// The sheet's merged ranges once `next()` has returned `nil`, for readers that meet them after
    /// the cells (a worksheet's XML); `nil` when the caller must ask the source instead.
    var mergedRangesAfterEnd: [CellRange]? { get }
    /// 1-based column ranges the sheet hides, known once the first row has been read (a
    /// worksheet's XML lists its column settings before its cells); `[]` for formats without them.
    var hiddenColumns: [ClosedRange<Int>] { get }
    /// The 1-based numbers of the rows read so far that the sheet hides and that hold values;
    /// `[]` for formats without hidden rows.
    var hiddenRowsWithValues: [Int] { get }
}

extension RowStream {
    public var mergedRangesAfterEnd: [CellRange]? { nil }
    public var hiddenColumns: [ClosedRange<Int>] { [] }
    public var hiddenRowsWithValues: [Int] { [] }
}

/// A row stream whose cells are all text (a CSV file's): it can also hand its rows over as bytes,
/// which costs a fraction of building a ``Row`` for each.
public protocol TextRowStream: RowStream {
    /// Appends up to `limit` rows to `rows`: the rows ``next()`` would return, with the same numbers
    /// and diagnostics. Returns whether it appended any (`false` at the end).
    mutating func next(into rows: inout TextRows, limit: Int) throws -> Bool
}

/// A row stream over rows already in memory (tests, small tables, re-reads).
public struct ArrayRowStream: RowStream, Sendable {
    private var rows: [Row]
    private var index = 0
    private var diagnostics: [Diagnostic]
    public let hiddenColumns: [ClosedRange<Int>]

    public init(_ rows: [Row], diagnostics: [Diagnostic] = [], hiddenColumns: [ClosedRange<Int>] = []) {
        self.rows = rows; self.diagnostics = diagnostics; self.hiddenColumns = hiddenColumns
    }

    /// Rows numbered 1, 2, 3… from plain text cells; handy in tests.
    public init(texts: [[String]]) {
        self.init(texts.enumerated().map { i, r in
            Row(number: i + 1, cells: r.map { $0.isEmpty ? .empty : .text($0) })
        })
    }

    public mutating func next() -> Row? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }

    public mutating func drainDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
}

/// What kind of sheet a workbook part is.
public enum SheetKind: String, Hashable, Sendable, Codable {
    case worksheet, chartsheet, dialogsheet, macrosheet
}

/// Whether a sheet shows in the spreadsheet program's tab bar.
public enum SheetVisibility: String, Hashable, Sendable, Codable {
    case visible, hidden, veryHidden
}

/// One table-like unit of a source: a worksheet, or the single table of a CSV file.
public struct SheetInfo: Hashable, Sendable {
    /// The sheet's name; `nil` for CSV, whose single table has none.
    public var name: String?
    /// 0-based position in the workbook's tab order.
    public var index: Int
    public var kind: SheetKind
    public var visibility: SheetVisibility

    public init(name: String?, index: Int, kind: SheetKind = .worksheet, visibility: SheetVisibility = .visible) {
        self.name = name; self.index = index; self.kind = kind; self.visibility = visibility
    }
}

/// A source of tables: a workbook or a CSV file. Readers conform so the mapping stage
/// can treat every tabular format alike.
public protocol TabularSource {
    /// The file path as the user gave it; used in every `SourceLocation`.
    var path: String { get }
    /// The sheets in tab order (one nameless sheet for CSV).
    var sheets: [SheetInfo] { get }
    /// A fresh stream over one sheet's rows.
    func rows(ofSheet index: Int) throws -> any RowStream
    /// Merged ranges of a sheet (empty for CSV); mapping uses them to read two-row headers. It may
    /// be called on another thread while a row stream of the same sheet is read (an importer
    /// looks them up while it reads the first rows).
    func mergedRanges(ofSheet index: Int) throws -> [CellRange]
    /// File-level notes found while opening (encoding guessed, preamble skipped…).
    var openingDiagnostics: [Diagnostic] { get }
}

extension TabularSource {
    public func mergedRanges(ofSheet index: Int) throws -> [CellRange] { [] }
    public var openingDiagnostics: [Diagnostic] { [] }
}
