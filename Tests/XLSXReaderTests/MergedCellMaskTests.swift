import Testing
import Tabular
@testable import XLSXReader

/// Excel shows only the top-left value of a merged range; the mask blanks the rest and says so.
@Suite struct MergedCellMaskTests {
    static func row(_ number: Int, _ cells: [CellValue]) -> Row { Row(number: number, cells: cells) }

    @Test func blanksNonAnchorCellsAndWarnsOncePerRange() throws {
        let rows = [
            Self.row(1, [.text("Title"), .text("stray"), .number(5)]),
            Self.row(2, [.number(1), .number(2)]),
            Self.row(3, [.empty, .number(3), .empty, .number(4)]),
        ]
        let merged = [CellRange("A1:C1")!, CellRange("B2:B3")!, CellRange("E1:F9")!]
        let shown = MergedCellMask.apply(to: rows, mergedRanges: merged, file: "f.xlsx", sheet: "S")
        #expect(shown.rows == [
            Self.row(1, [.text("Title")]),                       // trailing blanks trimmed
            Self.row(2, [.number(1), .number(2)]),               // B2 is an anchor
            Self.row(3, [.empty, .empty, .empty, .number(4)]),   // D3 is outside every range
        ])
        #expect(shown.diagnostics.count == 2)  // E1:F9 hid nothing
        let first = try #require(shown.diagnostics.first)
        #expect(first.severity == .warning)
        #expect(first.code == "XLSX-MERGED-VALUE-HIDDEN")
        #expect(first.message.contains("A1:C1") && first.message.contains("2 values") && first.message.contains("at B1"))
        #expect(first.location == SourceLocation(file: "f.xlsx", sheet: "S", row: 1, column: 2))
        #expect(first.found == "stray")
        #expect(shown.diagnostics[1].message.contains("B2:B3") && shown.diagnostics[1].message.contains("1 value "))
        #expect(shown.diagnostics[1].found == "3")
    }

    @Test func diagnosticsFollowTheGivenRangeOrderAndRowsMayComeInAnyOrder() {
        let rows = [Self.row(5, [.empty, .text("b")]), Self.row(2, [.empty, .text("a")])]
        let merged = [CellRange("A5:B5")!, CellRange("A2:B2")!]
        let shown = MergedCellMask.apply(to: rows, mergedRanges: merged, file: "f", sheet: nil)
        #expect(shown.rows.map(\.cells) == [[], []])
        #expect(shown.diagnostics.map(\.found) == ["b", "a"])
    }

    @Test func noRangesLeaveRowsAlone() {
        let rows = [Self.row(1, [.empty, .text("x")])]
        let shown = MergedCellMask.apply(to: rows, mergedRanges: [], file: "f", sheet: nil)
        #expect(shown.rows == rows)
        #expect(shown.diagnostics.isEmpty)
    }

    @Test func theReaderStreamKeepsWhatTheFileStores() throws {
        let book = try XLSXWorkbook(path: fixture("merged_values.xlsx"))
        var stream = try book.rowStream(ofSheet: 0)
        var rows: [Row] = []
        while let r = try stream.nextRow() { rows.append(r) }
        #expect(rows.first?.cells == [.text("Title"), .text("hidden"), .number(5)])
        let layout = stream.layout
        #expect(layout.mergedRanges == [CellRange("A1:C1")!, CellRange("B2:B3")!])
        let shown = MergedCellMask.apply(to: rows, mergedRanges: layout.mergedRanges, file: book.path, sheet: "Merged")
        #expect(shown.rows.map(\.cells) == [[.text("Title")], [.number(1), .number(2)], [.empty, .empty, .empty, .number(4)]])
        #expect(shown.diagnostics.map(\.found) == ["hidden", "3"])
    }
}
