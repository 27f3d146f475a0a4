import Testing
import Tabular
@testable import XLSXReader

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (14, NumberFormatKind.dateTime), (22, .dateTime), (27, .dateTime), (36, .dateTime), (50, .dateTime), (58, .dateTime),
        (18, .time), (21, .time), (45, .time), (47, .time), (46, .duration),
        (0, .general), (2, .general), (23, .general), (37, .general), (49, .general), (59, .general), (164, .general),
    ])
    func builtInIDs(_ id: Int, _ kind: NumberFormatKind) {
        #expect(NumberFormatKind.builtIn(id) == kind)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", NumberFormatKind.dateTime), ("dd/mm/yyyy;@", .dateTime), ("[$-409]mmmm d, yyyy", .dateTime),
        ("d\\ mmmm\\ yyyy", .dateTime), ("m/d/yy h:mm", .dateTime), ("mmm", .dateTime),
        ("h:mm", .time), ("hh:mm:ss AM/PM", .time), ("mm:ss.0", .time), ("[$-F400]h:mm:ss AM/PM", .time),
        ("[h]:mm", .duration), ("[mm]:ss", .duration), ("[ss]", .duration),
        ("General", .general), ("0.00", .general), ("#,##0.00 \"days\"", .general), ("0.0 \\d", .general),
        ("[Red]0.00", .general), ("_(* #,##0_);_(* (#,##0);_(* \"-\"??_);_(@_)", .general),
        ("0;[Red]dd/mm", .general), ("@", .general), ("0.00E+00", .general),
    ])
    func customCodes(_ code: String, _ kind: NumberFormatKind) {
        #expect(NumberFormatKind.classify(code) == kind)
    }
}

@Suite struct ExcelSerialTests {
    @Test(arguments: [
        (1.0, false, CellValue.date(date(1900, 1, 1))),
        (59.0, false, .date(date(1900, 2, 28))),
        (60.0, false, .date(date(1900, 2, 28))),
        (61.0, false, .date(date(1900, 3, 1))),
        (45467.0, false, .date(date(2024, 6, 24))),
        (45467.5, false, .dateTime(LocalDateTime(date: date(2024, 6, 24), time: time(12, 0)))),
        (0.25, false, .time(time(6, 0))),
        (0.0, true, .date(date(1904, 1, 1))),
        (1.0, true, .date(date(1904, 1, 2))),
        (2958465.0, false, .date(date(9999, 12, 31))),
        // Rounded to the millisecond, as Excel shows it and both oracles read it.
        (45467.000011574, false, .dateTime(LocalDateTime(date: date(2024, 6, 24), time: time(0, 0, 1)))),
    ])
    func dates(_ serial: Double, _ date1904: Bool, _ expected: CellValue) {
        #expect(ExcelSerial.value(serial, kind: .dateTime, date1904: date1904) == expected)
    }

    @Test func timeFormatsGiveTimesInBothSystems() {
        #expect(ExcelSerial.value(0.5, kind: .time, date1904: true) == .time(time(12, 0)))
        #expect(ExcelSerial.value(0.5, kind: .time, date1904: false) == .time(time(12, 0)))
    }

    @Test func outOfRangeSerialsStayNumbers() {
        #expect(ExcelSerial.value(3_000_000, kind: .dateTime, date1904: false) == nil)
        #expect(ExcelSerial.value(.nan, kind: .dateTime, date1904: false) == nil)
        #expect(ExcelSerial.value(-700_000, kind: .dateTime, date1904: false) == nil)
    }

    @Test func durationsAreSeconds() {
        #expect(ExcelSerial.value(1.5, kind: .duration, date1904: false) == .duration(129_600))
        #expect(ExcelSerial.value(-0.25, kind: .duration, date1904: false) == .duration(-21_600))
    }

    @Test func serialRoundTrips() {
        for d in [date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(2024, 2, 29)] {
            let s = ExcelSerial.serial(of: d)
            #expect(ExcelSerial.value(Double(s), kind: .dateTime, date1904: false) == .date(d))
        }
    }
}

@Suite struct TextAndByteRules {
    @Test(arguments: [
        ("plain", "plain"), ("_x000D_", "\r"), ("a_x005F_x0041_b", "a_x0041_b"), ("_xD83D__xDE00_", "😀"),
        ("_x00e9_t_x00E9_", "été"), ("_x12_", "_x12_"), ("_xZZZZ_", "_xZZZZ_"), ("_xD83D_", "\u{FFFD}"),
    ])
    func escapes(_ raw: String, _ decoded: String) {
        var bytes = Array(raw.utf8)
        EscapedText.decode(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == decoded)
    }

    @Test(arguments: ["0", "-0", "1", "45467", "12.5", "-3.75", "0.1", "9738.190000000001", "1.5E-3", "1e22", "1.23456789e+22",
                      "123456789012345678901", "0.000001", "-1234.5678", "1E+308", "4.9406564584124654E-324"])
    func numbersMatchTheStandardLibrary(_ text: String) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { ByteParsing.double($0) }
        #expect(parsed == Double(text))
    }

    @Test(arguments: ["", "-", ".", "abc", "1,5", "nan", "inf", "0x10", "1.2.3"])
    func nonNumbers(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteParsing.double($0) } == nil)
    }

    @Test func cellReferences() {
        func ref(_ s: String) -> (Int, Int)? {
            Array(s.utf8).withUnsafeBufferPointer { ByteParsing.cellReference($0) }.map { ($0.column, $0.row) }
        }
        #expect(ref("A1")! == (1, 1))
        #expect(ref("xfd1048576")! == (16_384, 1_048_576))
        #expect(ref("$AB$12")! == (28, 12))
        #expect(ref("XFE1") == nil)
        #expect(ref("12") == nil)
    }

    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../book/sheet.xml", "xl/workbook.xml", "book/sheet.xml"),
        ("./a%20b.xml", "xl/workbook.xml", "xl/a b.xml"),
        ("xl\\styles.xml", "", "xl/styles.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
    ])
    func relationshipTargets(_ target: String, _ source: String, _ resolved: String) {
        #expect(PackagePath.resolve(target, from: source) == resolved)
    }

    @Test func relationshipsPartOfAPart() {
        #expect(PackagePath.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(PackagePath.relationshipsPart(of: "book.xml") == "_rels/book.xml.rels")
    }

    @Test(arguments: [
        ("2024-03-01", CellValue.date(date(2024, 3, 1))),
        ("2024-03-01T00:00:00Z", .date(date(2024, 3, 1))),
        ("2014-02-14T08:27:48.765Z", .dateTime(LocalDateTime(date: date(2014, 2, 14), time: time(8, 27, 48, 765_000)))),
        ("10:30:00", .time(time(10, 30))),
    ])
    func isoDateCells(_ text: String, _ value: CellValue) {
        #expect(ISODateText.value(text) == value)
    }
}
