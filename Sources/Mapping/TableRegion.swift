import Tabular

/// One column's header as the table shows it; with a two-row header, the group above it too.
public struct ColumnHeader: Hashable, Sendable, Codable {
    /// 1-based column.
    public var column: Int
    /// The header text (the sub-header under a group, or the only header row's text).
    public var text: String
    /// The merged group header over this column (`Montos` over `Bs` and `USD`), if any.
    public var group: String?

    public init(column: Int, text: String, group: String? = nil) {
        self.column = column; self.text = text; self.group = group
    }

    /// `Montos / USD` for grouped columns, else the text; the name used for extras and mapping files.
    public var displayName: String {
        guard let group, !group.isEmpty, group != text else { return text.isEmpty ? (group ?? "") : text }
        return text.isEmpty ? group : group + " / " + text
    }

    public var letter: String { CellRef.columnLetters(column) }
}

/// A table found on a sheet: the rows it owns (titles above it included), its header row(s) and
/// its columns.
public struct TableRegion: Sendable {
    /// The table's title (the text line above its header), when there is one.
    public var title: String?
    /// Indices into the sheet's rows: the first row this table accounts for (titles, notes and blank
    /// rows above the header belong to the table below them).
    public var startIndex: Int
    /// Index of the first header row, and how many header rows there are (1, or 2 for a group header).
    public var headerIndex: Int
    public var headerRowCount: Int
    /// One past the last row this table accounts for.
    public var endIndex: Int
    public var headers: [ColumnHeader]
    /// The columns this table owns when its header row holds several tables side by side (each
    /// from its first header to the column before the next table's first header; the first from
    /// column A, the last to the sheet's end); `nil` when the table has its rows to itself.
    public var columns: ClosedRange<Int>?

    public var dataStartIndex: Int { headerIndex + headerRowCount }

    public init(title: String?, startIndex: Int, headerIndex: Int, headerRowCount: Int, endIndex: Int,
                headers: [ColumnHeader], columns: ClosedRange<Int>? = nil) {
        self.title = title; self.startIndex = startIndex; self.headerIndex = headerIndex
        self.headerRowCount = headerRowCount; self.endIndex = endIndex; self.headers = headers
        self.columns = columns
    }

    /// The first column of a table that shares its rows with a table to its left: its records'
    /// IDs name it (`file#sheet!I2`), since the row alone names the left table's records.
    public var firstColumnBesideAnother: Int? {
        guard let columns, columns.lowerBound > 1 else { return nil }
        return columns.lowerBound
    }
}
