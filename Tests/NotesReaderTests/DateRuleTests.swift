import Tabular
import Testing
@testable import NotesReader

@Suite struct DateRuleTests {
    // line → "first second year|- rest"
    static let leading: [(String, String)] = [
        ("12/03/2024 llamé", "12 3 2024 llamé"),
        ("12-03-24 llamé", "12 3 2024 llamé"),
        ("2024-03-12: visita", "12 3 2024 visita"),
        ("12 mar llamé", "12 3 - llamé"),
        ("12 de marzo de 2024 - no contesta", "12 3 2024 no contesta"),
        ("lunes 12/3: visita", "12 3 - visita"),
        ("Lun. 12/3 visita", "12 3 - visita"),
        ("quinta-feira 14/03 ligou", "14 3 - ligou"),
        ("March 12, 2024 called", "12 3 2024 called"),
        ("- 12/03 llamé", "12 3 - llamé"),
        ("* 12.03.2024 llamé", "12 3 2024 llamé"),
        ("12/03 14:30 llamé", "12 3 - llamé"),
        ("12/03 2:30 pm llamé", "12 3 - llamé"),
        ("12 março 2024 ligou", "12 3 2024 ligou"),
        ("5 ago: pagó", "5 8 - pagó"),
        // A day and a month's name joined by a dash or a slash, with or without the year.
        ("15-mar Llamé a Ferretería X", "15 3 - Llamé a Ferretería X"),
        ("15-mar-2024 llamé", "15 3 2024 llamé"),
        ("15/mar/2024 llamé", "15 3 2024 llamé"),
        ("15-mar-24 llamé", "15 3 2024 llamé"),
        // Numbered list items.
        ("1. 25/03/2024 Llamé", "25 3 2024 Llamé"),
        ("3) 27/03/2024 visita", "27 3 2024 visita"),
        ("2. 15 de marzo llamé", "15 3 - llamé"),
    ]

    @Test(arguments: leading) func leadingDates(_ line: String, _ expected: String) throws {
        let d = try #require(LeadingDate.parse(NotesText.clean(line)))
        #expect("\(d.date.first) \(d.date.second) \(d.date.year.map(String.init) ?? "-") \(d.rest)" == expected)
    }

    @Test(arguments: ["llamé el 12/03", "500 dólares", "1.234,56 pagados", "13/13 x", "32/01 x", "12/03/199 x",
                      "marzo fue malo", "12345 x", "1. llamar al cliente", "2. 5 cajas entregadas",
                      "15-marzo2024 x"])
    func notLeadingDates(_ line: String) {
        #expect(LeadingDate.parse(line) == nil)
    }

    @Test func timesAfterTheDate() throws {
        #expect(LeadingDate.parse("12/03 14:30 llamé")?.time?.iso == "14:30:00")
        #expect(LeadingDate.parse("12/03 2:30 p. m. llamé")?.time?.iso == "14:30:00")
        #expect(LeadingDate.parse("12/03 12:10 am llamé")?.time?.iso == "00:10:00")
        #expect(LeadingDate.parse("12/03 9h30 llamé")?.time?.iso == "09:30:00")
    }

    @Test func dateOrderFromEvidence() {
        let dmy = [PartialDate(first: 3, second: 4, year: 2024, numeric: true), PartialDate(first: 25, second: 4, year: 2024, numeric: true)]
        #expect(DateOrder.decide(dmy, chronological: false, defaultDayFirst: false).dayFirst)
        let mdy = [PartialDate(first: 3, second: 4, year: 2024, numeric: true), PartialDate(first: 4, second: 25, year: 2024, numeric: true)]
        let o = DateOrder.decide(mdy, chronological: false, defaultDayFirst: true)
        #expect(!o.dayFirst && o.reason == "evidence")
        let both = dmy + [PartialDate(first: 4, second: 25, year: 2024, numeric: true)]
        #expect(DateOrder.decide(both, chronological: false, defaultDayFirst: true).reason == "conflict")
    }

    @Test func dateOrderFromChronology() {
        // 1/2, 1/3, 1/4 … only make sense in order as month-first dates: Jan 2, Jan 3, Jan 4? No —
        // day-first they are 1 Feb, 1 Mar, 1 Apr (in order); month-first Jan 2, Jan 3, Jan 4 (in order too).
        // 2/1, 1/2 day-first = 2 Jan, 1 Feb (forward); month-first = Feb 1, Jan 2 (backward).
        let chat = [PartialDate(first: 2, second: 1, year: 2024, numeric: true), PartialDate(first: 1, second: 2, year: 2024, numeric: true)]
        let o = DateOrder.decide(chat, chronological: true, defaultDayFirst: false)
        #expect(o.dayFirst && o.reason == "chronology")
        #expect(DateOrder.decide([PartialDate(first: 2, second: 1, year: 2024, numeric: true)], chronological: true,
                                 defaultDayFirst: true).reason == "default")
    }

    @Test(arguments: [("Marzo 2024", 2024, 3), ("março de 2024", 2024, 3), ("2024", 2024, nil), ("03/2024", 2024, 3)])
    func dateHeaders(_ text: String, _ year: Int, _ month: Int?) throws {
        let h = try #require(DateHeader.parse(text))
        #expect(h.year == year && h.month == month)
    }

    @Test func aNameIsNotADateHeader() {
        #expect(DateHeader.parse("Ferretería Marzo") == nil)
        #expect(DateHeader.parse("Inversiones 2024 C.A.") == nil)
    }
}
