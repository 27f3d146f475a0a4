import Tabular
import Testing
@testable import Mapping

struct DateParserTests {
    static func parse(_ text: String, column: [String] = [], configured: DateOrder? = nil) -> Result<LocalDate, ValueError> {
        let cells = (column + [text]).map { CellValue.text($0) }
        return DateParser.parse(.text(text), profile: DateColumnProfile.profile(cells, configured: configured, country: nil))
    }

    static let cases: [(String, String)] = [
        ("2024-03-15", "2024-03-15"),
        ("2024-03-15T10:30:00", "2024-03-15"),
        ("15/03/2024", "2024-03-15"),
        ("15-03-2024", "2024-03-15"),
        ("15.03.2024", "2024-03-15"),
        ("15/03/24", "2024-03-15"),
        ("15/03/99", "1999-03-15"),
        ("15-mar-2024", "2024-03-15"),
        ("15/Mar/24", "2024-03-15"),
        ("15 de marzo de 2024", "2024-03-15"),
        ("15 de março de 2024", "2024-03-15"),
        ("March 15, 2024", "2024-03-15"),
        ("15 Sept 2024", "2024-09-15"),
        ("1 de setiembre de 2024", "2024-09-01"),
        ("dez 5, 2023", "2023-12-05"),
        ("5-dic-23", "2023-12-05"),
        ("viernes, 15 de marzo de 2024", "2024-03-15"),
        ("15/03/2024 10:30", "2024-03-15"),
        ("2024/3/5", "2024-03-05"),
        ("20240315", "2024-03-15"),
    ]

    @Test(arguments: cases)
    func formats(_ text: String, _ iso: String) throws {
        #expect(try Self.parse(text).get().iso == iso)
    }

    @Test func columnDecidesDayMonthOrder() throws {
        // 03/04/2024 alone is ambiguous; 12/25/2024 in the same column proves month-first.
        #expect(try Self.parse("03/04/2024", column: ["12/25/2024"]).get().iso == "2024-03-04")
        #expect(try Self.parse("03/04/2024", column: ["25/12/2024"]).get().iso == "2024-04-03")
        #expect(try Self.parse("03/04/2024", configured: .mdy).get().iso == "2024-03-04")
        #expect(try Self.parse("03/04/2024").get().iso == "2024-04-03")  // day-first by default
    }

    @Test(arguments: ["31/02/2024", "29/02/2023", "32/01/2024", "15/13/2024", "2024-02-30"])
    func impossibleDatesRejected(_ text: String) {
        guard case .failure(let e) = Self.parse(text) else { Issue.record("\(text) parsed"); return }
        #expect(e.code == "MAP-DATE-IMPOSSIBLE")
    }

    // The last: a text longer than any date (a hostile cell of megabytes was tokenized for minutes).
    @Test(arguments: ["hola", "15/03", "Cliente 15/03/2024", "12.5", "15 de marzo de 2024 " + String(repeating: "x", count: 1_000_000)])
    func notDates(_ text: String) {
        guard case .failure = Self.parse(text) else { Issue.record("\(text) parsed"); return }
    }

    @Test(arguments: [(45366.0, "2024-03-15"), (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"),
                      (45366.75, "2024-03-15")])
    func excelSerials(_ serial: Double, _ iso: String) throws {
        #expect(try DateParser.parse(.number(serial), profile: DateColumnProfile(order: .dmy)).get().iso == iso)
    }

    /// A CSV saved from a workbook's General-format date column holds serials as text: five digits
    /// in the years 1954 to 2119 are read as one; other runs of digits stay no date.
    @Test(arguments: [("45366", "2024-03-15"), (" 45366 ", "2024-03-15"), ("20000", "1954-10-03"), ("80000", "2119-01-11")])
    func serialsWrittenAsText(_ text: String, _ iso: String) throws {
        #expect(try Self.parse(text).get().iso == iso)
        let bytes = Array(text.filter { $0 != " " }.utf8)
        #expect(try bytes.withUnsafeBufferPointer { try DateParser.parse(bytes: $0, order: .dmy).get().iso } == iso)
    }

    /// A row's bytes take a shortcut for three numbers between two separators; it must read every
    /// such text, possible or not, as the text's own tokens are read, in each column order.
    @Test(arguments: [DateOrder.dmy, .mdy, .ymd])
    func bytesReadThreeNumbersAsTokensDo(order: DateOrder) {
        let numbers = ["0", "1", "07", "12", "13", "29", "31", "32", "99", "123", "2024", "0024", "99999", "12345678"]
        var texts: [String] = []
        for a in numbers { for b in numbers { for c in numbers { for (s, t) in [("-", "-"), ("/", "/"), (".", "."), ("/", "-")] {
            texts.append(a + s + b + t + c)
        } } } }
        texts += ["2024-03", "2024--03-15", "-2024-03-15", "2024-03-15-", "2024-03-15-1", "15/03/2024 ", "1503 2024", ""]
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { DateParser.parse(bytes: $0, order: order) }
            #expect(fast == DateParser.parse(text: text, order: order), "\(text)")
        }
    }

    // A date and a time of day read as the token path reads them (the time dropped), for dates
    // possible or not, times of every shape, and texts that only look like one.
    @Test(arguments: [DateOrder.dmy, .mdy])
    func dateBeforeTimeReadsAsTokensDo(order: DateOrder) {
        var texts: [String] = []
        for date in ["2024-03-15", "15/03/2024", "03/15/2024", "31.12.2023", "2024-02-30", "1/2/24", "2024-13-01", "15-03"] {
            for time in ["00:00:00", "10:30", "23:59:59.000", "0:0", ":", "10.30", "10:30 am", "10:30:00Z", "T10:30", ""] {
                texts += [date + " " + time, date + "  " + time, " " + date + " " + time, date + " " + time + " "]
            }
        }
        texts += ["2024-03-15 ", " 10:30", "2024-03-15T10:30", "2024-03-1510:30", "12345678901 10:30"]
        for text in texts {
            let bytes = Array(text.utf8)
            let viaBytes = bytes.withUnsafeBufferPointer { DateParser.parse(bytes: $0, order: order) }
            let tokens = DateParser.parseTokens(text: text, order: order)
            #expect(viaBytes == tokens, "\(text)")
            #expect(DateParser.parse(text: text, order: order) == tokens, "\(text)")
        }
    }

    @Test(arguments: ["19999", "80001", "4536", "453660", "45.366", "45366a"])
    func otherDigitRunsAreNoSerial(_ text: String) {
        guard case .failure = Self.parse(text) else { Issue.record("\(text) parsed"); return }
    }

    @Test func serialSixtyDoesNotExist() {
        guard case .failure(let e) = DateParser.parse(.number(60), profile: DateColumnProfile(order: .dmy)) else {
            Issue.record("serial 60 parsed"); return
        }
        #expect(e.code == "MAP-DATE-IMPOSSIBLE")
    }

    @Test func workbookDateCells() throws {
        let d = LocalDate(year: 2024, month: 3, day: 15)!
        #expect(try DateParser.parse(.date(d), profile: DateColumnProfile(order: .mdy)).get() == d)
        let dt = LocalDateTime(date: d, time: TimeOfDay(hour: 9, minute: 0)!)
        #expect(try DateParser.parse(.dateTime(dt), profile: DateColumnProfile(order: .mdy)).get() == d)
    }
}
