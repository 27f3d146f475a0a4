import Testing
import Tabular
import ZipArchive
@testable import XLSXReader

/// One fixture per rule of issue #3; the workbooks come from Fixtures/make_fixtures.py.
@Suite struct WorkbookFixtureTests {
    @Test func serial60AndThe1900System() throws {
        let book = try XLSXWorkbook(path: fixture("serial_60.xlsx"))
        #expect(!book.date1904)
        let row = try #require(try allRows(book).first)
        #expect(row.cells == [
            .date(date(1900, 2, 28)),  // 59
            .date(date(1900, 2, 28)),  // 60: Excel's phantom 29 February, as calamine and openpyxl read it
            .date(date(1900, 3, 1)),   // 61
            .date(date(1900, 1, 1)),   // 1
            .time(time(12, 0)),        // 0.5 in h:mm
            .dateTime(LocalDateTime(date: date(2024, 6, 24), time: time(18, 0))),
            .duration(129_600),        // 1.5 days in [h]:mm:ss
            .number(3.25),             // 0.00 "days": the d is quoted text
            .dateTime(LocalDateTime(date: date(1899, 12, 28), time: time(12, 0))),  // -1.5
        ])
    }

    @Test func dates1904() throws {
        let book = try XLSXWorkbook(path: fixture("date_1904.xlsx"))
        #expect(book.date1904)
        let row = try #require(try allRows(book).first)
        #expect(row.cells == [
            .date(date(1904, 1, 1)),
            .dateTime(LocalDateTime(date: date(1904, 1, 2), time: time(12, 0))),
            .date(date(2022, 1, 2)),  // 43101 is 2018-01-01 in the 1900 system
        ])
    }

    @Test func richTextPhoneticRunsEscapesAndWhitespace() throws {
        let book = try XLSXWorkbook(path: fixture("rich_text.xlsx"))
        #expect(book.sharedStrings.count == 5)
        let row = try #require(try allRows(book).first)
        #expect(row.cells == [
            .text("Bold and plain"), .text("東京"), .text("line\rbreak _x0041_ & AB"), .text("  padded  "), .text("smile 😀"),
        ])
    }

    @Test func cellTypesAndFormulaResults() throws {
        let book = try XLSXWorkbook(path: fixture("cell_types.xlsx"))
        var stream = try book.rowStream(ofSheet: 0)
        let first = try #require(try stream.nextRow())
        #expect(first.cells == [
            .text("inline"), .text("rich"), .text("inlinerich"), .boolean(true), .boolean(false), .error("#DIV/0!"),
            .date(date(2024, 3, 1)), .dateTime(LocalDateTime(date: date(2024, 3, 1), time: time(10, 30, 0, 250_000))),
            .number(2), .number(0.0015), .number(7),
        ])
        let second = try #require(try stream.nextRow())
        #expect(second.number == 2)
        // An empty formula string reads as empty, a bad shared-string index as an error cell with
        // a diagnostic (not blank: mapping must not fill the value above into it), and text in a
        // number cell is kept as text with a diagnostic.
        #expect(second.cells == [.empty, .error("#UNREADABLE"), .text("abc")])
        #expect(try stream.nextRow() == nil)
        let codes = stream.drainDiagnostics().map(\.code)
        #expect(codes == ["XLSX-BAD-SHARED-STRING", "XLSX-BAD-NUMBER"])
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let rows = try allRows(XLSXWorkbook(path: fixture("missing_r.xlsx")))
        #expect(rows.map(\.number) == [1, 2, 5, 6])
        #expect(rows[0].cells == [.number(1), .number(2)])
        #expect(rows[1].cells == [.text("a"), .empty, .empty, .number(4), .number(5)])
        #expect(rows[2].cells.count == CellRef.maxColumn)
        #expect(rows[2][column: CellRef.maxColumn] == .number(9))
        #expect(rows[3].cells == [.number(6)])
    }

    @Test func strictNamespaces() throws {
        let book = try XLSXWorkbook(path: fixture("strict.xlsx"))
        #expect(book.sheets.map(\.name) == ["Strict"])
        #expect(try allRows(book).first?.cells == [.text("strict text"), .number(42)])
    }

    @Test(arguments: ["zip64.xlsx", "data_descriptor.xlsx", "stored_entries.xlsx", "backslash_names.xlsx"])
    func zipLayouts(_ name: String) throws {
        let book = try XLSXWorkbook(path: fixture(name))
        #expect(try allRows(book).first?.cells == [.text("ok"), .number(3.5)])
    }

    @Test func sheetKindsVisibilityLayoutAndAbsoluteTargets() throws {
        let book = try XLSXWorkbook(path: fixture("layout.xlsx"))
        #expect(book.workbookPart == "book/main.xml")
        #expect(book.sheets.map(\.name) == ["Visible & Co", "Hidden", "VeryHidden"])
        #expect(book.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
        #expect(book.sheets.map(\.kind) == [.worksheet, .chartsheet, .macrosheet])
        #expect(book.definedNames == [DefinedName(name: "Area", formula: "'Visible & Co'!$A$1:$C$2", localSheetIndex: 0, hidden: false)])
        let layout = try book.layout(ofSheet: 0)
        #expect(layout.mergedRanges.map(\.description) == ["A1:C1", "B3:B4"])
        #expect(layout.hiddenRows == [2])
        #expect(layout.hiddenColumns == [2...3])
        #expect(try book.mergedRanges(ofSheet: 0).count == 2)
        #expect(try allRows(book, sheet: 1).isEmpty)
    }

    @Test(arguments: [
        ("encrypted.xlsx", "password-protected"),
        ("legacy_biff.xlsx", "legacy Excel 97-2003"),
        ("binary.xlsb.xlsx", ".xlsb"),
        ("truncated.xlsx", "truncated"),
    ])
    func rejectsWhatIsNotAReadableWorkbook(_ name: String, _ phrase: String) throws {
        let path = try fixture(name)
        #expect {
            _ = try XLSXWorkbook(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(phrase) && text.contains(path)
        }
    }

    @Test func encryptedWorkbookIsTheCompoundFileCase() throws {
        let path = try fixture("encrypted.xlsx")
        #expect(throws: XLSXError.container(.compoundFile(path: path, kind: .encryptedWorkbook))) {
            _ = try XLSXWorkbook(path: path)
        }
    }

    @Test func malformedSheetXMLThrowsWithPartAndLine() throws {
        let book = try XLSXWorkbook(path: fixture("malformed_sheet.xlsx"))
        #expect {
            _ = try allRows(book)
        } throws: { error in
            guard case .malformedPart(let e) = error as? XLSXError else { return false }
            return e.part == "xl/worksheets/sheet1.xml" && e.line == 2
        }
    }

    @Test func textBeforeTheRootElementIsSkippedWithAWarning() throws {
        let book = try XLSXWorkbook(path: fixture("text_before_root.xlsx"))
        var stream = try book.rowStream(ofSheet: 0)
        let row = try #require(try stream.nextRow())
        #expect(row.cells == [.text("foo "), .text("bar")])
        #expect(try stream.nextRow() == nil)
        let warnings = stream.drainDiagnostics()
        #expect(warnings.map(\.code) == ["XML-TEXT-BEFORE-ROOT"])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message == "xl/worksheets/sheet1.xml: text before the root element ignored")
        #expect(warnings.first?.location?.line == 2)
        #expect(warnings.first?.found == "foo")
        // The same recovery does not hide a genuine error later in the part.
        #expect {
            _ = try allRows(book, sheet: 1)
        } throws: { error in
            guard case .malformedPart(let e) = error as? XLSXError else { return false }
            return e.part == "xl/worksheets/sheet2.xml" && e.line == 4
        }
    }

    @Test func noSuchSheet() throws {
        let book = try XLSXWorkbook(path: fixture("strict.xlsx"))
        #expect(throws: XLSXError.noSuchSheet(path: book.path, index: 3)) { _ = try book.rowStream(ofSheet: 3) }
    }

    @Test func conformsToTabularSource() throws {
        let source: any TabularSource = try XLSXWorkbook(path: fixture("layout.xlsx"))
        var rows = try source.rows(ofSheet: 0)
        #expect(try rows.next()?.cells == [.text("Header")])
        #expect(try source.mergedRanges(ofSheet: 0).first == CellRange("A1:C1"))
    }

    /// Merged ranges are looked up by scanning the inflated bytes first: a sheet that never names
    /// `mergeCell` has none, without a second parse; one that does gets the parsed layout.
    @Test func mergedCellsAreFoundByAScanBeforeAnyParse() throws {
        let book = try XLSXWorkbook(path: fixture("layout.xlsx"))
        #expect(try book.sheetMentionsMergedCells(0))
        #expect(try book.mergedRanges(ofSheet: 0).map(\.description) == ["A1:C1", "B3:B4"])
        let plain = try XLSXWorkbook(path: fixture("cell_types.xlsx"))
        #expect(try !plain.sheetMentionsMergedCells(0))
        #expect(try plain.mergedRanges(ofSheet: 0).isEmpty)
        #expect(throws: XLSXError.noSuchSheet(path: plain.path, index: 9)) { _ = try plain.sheetMentionsMergedCells(9) }
    }
}
