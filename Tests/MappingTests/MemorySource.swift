import Tabular

/// A workbook in memory for tests: sheets of rows with optional merged ranges.
struct MemorySource: TabularSource {
    struct Sheet {
        var name: String?
        var rows: [Row]
        var merged: [CellRange] = []
        /// Columns the sheet hides, as a workbook's row stream tells them.
        var hiddenColumns: [ClosedRange<Int>] = []
    }

    var path: String
    var sheetData: [Sheet]

    init(path: String = "test.xlsx", sheets: [Sheet]) { self.path = path; sheetData = sheets }

    /// A CSV-like single nameless sheet of text cells.
    init(path: String = "test.csv", csv: [[String]]) {
        self.path = path
        sheetData = [Sheet(name: nil, rows: ArrayRowStream.rows(csv))]
    }

    var sheets: [SheetInfo] { sheetData.enumerated().map { SheetInfo(name: $0.element.name, index: $0.offset) } }

    func rows(ofSheet index: Int) throws -> any RowStream {
        ArrayRowStream(sheetData[index].rows, hiddenColumns: sheetData[index].hiddenColumns)
    }

    func mergedRanges(ofSheet index: Int) throws -> [CellRange] { sheetData[index].merged }
}

extension ArrayRowStream {
    /// Rows numbered from 1 with text cells (empty strings are empty cells).
    static func rows(_ texts: [[String]], line: Bool = true) -> [Row] {
        texts.enumerated().map { i, r in
            Row(number: i + 1, line: line ? i + 1 : nil, cells: r.map { $0.isEmpty ? .empty : .text($0) })
        }
    }
}
