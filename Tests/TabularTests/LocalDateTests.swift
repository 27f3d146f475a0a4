import Testing
@testable import Tabular

@Suite struct LocalDateTests {
    @Test func epochRoundTripOverFourCenturies() {
        for days in stride(from: -146_097, through: 146_097, by: 1) {
            let d = LocalDate(daysSinceEpoch: days)
            #expect(d.daysSinceEpoch == days)
        }
    }

    @Test(arguments: [(2024, 2, 29, true), (2023, 2, 29, false), (1900, 2, 29, false), (2000, 2, 29, true),
                      (2024, 4, 31, false), (2024, 13, 1, false), (2024, 0, 1, false)])
    func validatesDays(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((LocalDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test func isoAndWeekday() {
        let d = LocalDate(year: 2024, month: 3, day: 15)!
        #expect(d.iso == "2024-03-15")
        #expect(LocalDate(iso: "2024-03-15") == d)
        #expect(d.weekday == 4)  // Friday
        #expect(LocalDate(daysSinceEpoch: 0).iso == "1970-01-01")
    }

    @Test func timeFormatsLikePython() {
        #expect(TimeOfDay(hour: 14, minute: 30)!.iso == "14:30:00")
        #expect(TimeOfDay(hour: 0, minute: 0, second: 1, microsecond: 500)!.iso == "00:00:01.000500")
    }
}
