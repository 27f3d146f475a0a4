import Testing
import Tabular
@testable import Mapping

/// Rows read ahead while a long sheet's merged ranges are looked up come out of the reader as
/// unread rows do: the same rows, blank rows for the gaps, the reader's diagnostics at the same
/// rows, and the same end or break.
@Suite struct SheetReaderReadAheadTests {
    /// A workbook sheet's stream: rows with gaps in their numbers, a diagnostic raised with each
    /// row (drained by the reader every 4096 rows), and an optional break after `breakAfter` rows.
    struct GappyStream: RowStream {
        let numbers: [Int]
        let breakAfter: Int?
        var index = 0
        var raised: [Diagnostic] = []

        struct Broken: Error {}

        mutating func next() throws -> Row? {
            if let breakAfter, index == breakAfter { throw Broken() }
            guard index < numbers.count else { return nil }
            defer { index += 1 }
            raised.append(Diagnostic(.warning, code: "TEST-ROW", "row \(numbers[index])"))
            return Row(number: numbers[index], cells: [.text("r\(numbers[index])"), .number(Double(index))])
        }

        mutating func drainDiagnostics() -> [Diagnostic] {
            defer { raised = [] }
            return raised
        }
    }

    struct GappySource: TabularSource {
        let numbers: [Int]
        var breakAfter: Int?
        var path: String { "gappy.xlsx" }
        var sheets: [SheetInfo] { [SheetInfo(name: "Hoja1", index: 0)] }
        func rows(ofSheet index: Int) throws -> any RowStream { GappyStream(numbers: numbers, breakAfter: breakAfter) }
    }

    /// Every row and diagnostic the reader hands out after a window of `window` rows, reading
    /// `ahead` rows ahead first (`nil`: none).
    static func readAll(_ source: GappySource, window: Int, ahead: Int?) -> (rows: [Row], diagnostics: [String]) {
        var reader = SheetReader(source, source.sheets[0])
        var diagnostics: [Diagnostic] = []
        var rows = reader.window(rows: window).rows
        if let ahead { reader.readAhead(limit: ahead, while: { true }) }
        while let row = reader.next(into: &diagnostics) { rows.append(row) }
        #expect(!reader.hasMoreRows)
        return (rows, diagnostics.map { "\($0.code) \($0.message)" })
    }

    /// Row numbers with gaps: 1...9000, then every third row up to 30,000.
    static let numbers = Array(1...9_000) + Array(stride(from: 9_003, through: 30_000, by: 3))

    @Test(arguments: [0, 1, 255, 256, 257, 5_000, 100_000])
    func rowsAndDiagnosticsAsWithoutReadingAhead(ahead: Int) {
        let source = GappySource(numbers: Self.numbers)
        let plain = Self.readAll(source, window: 100, ahead: nil)
        let early = Self.readAll(source, window: 100, ahead: ahead)
        #expect(plain.rows.count == 30_000)  // the gaps come back as blank rows
        #expect(early.rows == plain.rows)
        #expect(early.diagnostics == plain.diagnostics)
    }

    @Test(arguments: [10, 6_000, 100_000])
    func aBreakComesAtTheSameRow(ahead: Int) {
        let source = GappySource(numbers: Self.numbers, breakAfter: 12_345)
        let plain = Self.readAll(source, window: 100, ahead: nil)
        let early = Self.readAll(source, window: 100, ahead: ahead)
        #expect(early.rows == plain.rows)
        #expect(early.diagnostics == plain.diagnostics)
        #expect(plain.diagnostics.last?.hasPrefix("MAP-SHEET-TRUNCATED") == true)
    }

    @Test func readingAheadStopsWhenTheWaitEnds() {
        let source = GappySource(numbers: Self.numbers)
        var reader = SheetReader(source, source.sheets[0])
        _ = reader.window(rows: 10)
        var asked = 0
        reader.readAhead(limit: 100_000, while: { asked += 1; return asked < 3 })
        // Asked before the first row, after 256 and after 512: 512 rows read ahead.
        #expect(asked == 3)
        var diagnostics: [Diagnostic] = []
        var count = 0
        while reader.next(into: &diagnostics) != nil { count += 1 }
        #expect(count == 30_000 - 10)
    }
}
