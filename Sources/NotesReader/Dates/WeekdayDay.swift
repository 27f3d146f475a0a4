import Foundation
import Tabular

/// A weekday and a day of the month opening a notebook line, without month or year (`lunes 4
/// llamé de nuevo`, `- vie. 8: no contesta`). Collectors write it under the entries of the days
/// before, so it names the date just after the previous entry on which that weekday falls on that
/// day; when none does (`lunes 5` after 01/03/2024, a Tuesday), the line is no date.
struct WeekdayDay: Sendable, Equatable {
    /// 0 is Monday, as `LocalDate.weekday`.
    var weekday: Int
    var day: Int
    /// The line's text after the weekday, the day and their separator, as written.
    var rest: String

    static func parse(_ line: String) -> WeekdayDay? {
        let folded = NotesText.fold(line)
        guard let m = pattern.firstMatch(in: folded), let name = m.group(1), let weekday = Lexicon.weekday(named: name),
              let day = m.group(2).flatMap({ Int($0) }), (1...31).contains(day) else { return nil }
        let rest = NotesText.suffix(line, folded: folded, from: m.range.upperBound).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        return WeekdayDay(weekday: weekday, day: day, rest: rest)
    }

    /// How far after the previous entry the date may be: a month, so that the day recurs at most
    /// once and a weekday-day pair that fits no date near the entry above is no date at all.
    static let window = 31

    /// The first date from `previous` on (within ``window`` days) that is this weekday and day.
    func nearestDate(onOrAfter previous: LocalDate) -> LocalDate? {
        (0...Self.window).lazy.map { previous.adding(days: $0) }
            .first { $0.day == day && $0.weekday == weekday }
    }

    // After an optional bullet: the weekday (perhaps abbreviated with a dot), the day number alone
    // (not `lunes 4/3`, which ``LeadingDate`` reads, nor `lunes 4 cajas`' amount-like `4.5`), then a
    // separator or a space before the text.
    private static let pattern = Pattern(
        #"^\s*(?:[-*•+]\s*)?("# + Lexicon.weekdayAlternation + #")\.?,?\s+(\d{1,2})(?![\d/.\-:]\d|\d|\p{L})\s*[-–—:,.)]*\s*"#)
}
