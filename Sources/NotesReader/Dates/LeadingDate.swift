import Foundation
import Tabular

/// A date (and maybe a time) found at the start of a notebook line, and the text after it.
struct LeadingDate: Sendable {
    var date: PartialDate
    var time: TimeOfDay?
    /// The line's text after the date, time and separator, as written.
    var rest: String

    /// Recognizes `12/03/2024`, `12-03-24`, `2024-03-12`, `12 mar`, `12-mar`, `12/mar/2024`,
    /// `12 de marzo de 2024`, `lunes 12/3`, `March 12, 2024`, optionally after a list bullet
    /// (`-`, `*`, `1.`, `2)`) and followed by a time
    /// (`14:30`, `2:30 pm`). Returns nil when the line does not start with a valid date.
    static func parse(_ line: String) -> LeadingDate? {
        let folded = NotesText.fold(line)
        guard let m = Self.pattern.firstMatch(in: folded) else { return nil }
        var date: PartialDate?
        if let y = m.group(1), let mo = m.group(2).flatMap({ Int($0) }), let d = m.group(3).flatMap({ Int($0) }) {
            date = PartialDate(first: d, second: mo, year: Int(y), numeric: false)
        } else if let a = m.group(4).flatMap({ Int($0) }), let b = m.group(5).flatMap({ Int($0) }) {
            let y = m.group(6).flatMap(PartialDate.fullYear)
            if m.group(6) != nil && y == nil { return nil }
            date = PartialDate(first: a, second: b, year: y, numeric: true)
        } else if let d = m.group(7).flatMap({ Int($0) }), let mo = m.group(8).flatMap(Lexicon.month(named:)) {
            let y = m.group(9).flatMap(PartialDate.fullYear)
            if m.group(9) != nil && y == nil { return nil }
            date = PartialDate(first: d, second: mo, year: y, numeric: false)
        } else if let mo = m.group(10).flatMap(Lexicon.month(named:)), let d = m.group(11).flatMap({ Int($0) }) {
            date = PartialDate(first: d, second: mo, year: m.group(12).flatMap { Int($0) }, numeric: false)
        }
        guard let date else { return nil }
        // Reject impossible numbers either way round (month 13 in both readings, day 0 …), in the
        // year written when there is one (29/02/2023 is no date; without a year, a leap year's
        // calendar allows it).
        let year = date.year ?? 2000
        let okDayFirst = LocalDate(year: year, month: date.dayMonth(dayFirst: true).month, day: date.dayMonth(dayFirst: true).day) != nil
        let okMonthFirst = date.numeric && LocalDate(year: year, month: date.first, day: date.second) != nil
        guard okDayFirst || okMonthFirst else { return nil }
        var time: TimeOfDay?
        if let h = m.group(13).flatMap({ Int($0) }), let mi = m.group(14).flatMap({ Int($0) }) {
            let s = m.group(15).flatMap { Int($0) } ?? 0
            time = ClockTime.make(hour: h, minute: mi, second: s, meridiem: m.group(16))
            if time == nil { return nil }
        }
        let rest = NotesText.suffix(line, folded: folded, from: m.range.upperBound)
        return LeadingDate(date: date, time: time, rest: String(rest).trimmingCharacters(in: .whitespaces))
    }

    /// Whether the line starts with what can only be meant as a date, but one no calendar has
    /// (`31/02/2024`, `2024-13-01`, `30 de febrero`): a date with its year, or with its month's
    /// name. Bare number pairs (`45-50 cajas`) may be anything and are not counted.
    static func startsWithImpossibleDate(_ line: String) -> Bool {
        guard let m = pattern.firstMatch(in: NotesText.fold(line)) else { return false }
        let meantAsDate = m.group(1) != nil || m.group(6) != nil || m.group(8) != nil || m.group(10) != nil
        return meantAsDate && parse(line) == nil
    }

    // Groups: 1-3 ISO y-m-d; 4-6 numeric a/b[/y]; 7-9 day month-name [year]; 10-12 month-name day
    // [year]; 13-16 time. A weekday and a list bullet may come first.
    static let pattern = Pattern(
        #"^\s*(?:[-*•+>]\s*|\d{1,2}[.)]\s+(?=\D|\d{1,4}[/.\-]\d|\d{1,2}(?:\s+de)?\s+\p{L})|\[[ x]?\]\s*)?"#
        + #"(?:(?:"# + Lexicon.weekdayAlternation + #")\.?,?\s+)?"#
        + #"(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"#
        + #"|(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?"#
        + #"|(\d{1,2})(?:(?:\s+de)?\s+|\s*[-/]\s*)("# + Lexicon.monthAlternation + #")\.?(?:(?:,?\s+(?:de\s+|del\s+)?(?=\d{4})|[-/])(\d{4}|\d{2}))?"#
        + #"|("# + Lexicon.monthAlternation + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?)"#
        + #"(?![\p{L}\p{N}/])"#
        + #"(?:,?\s*(?:a las\s+|as\s+|at\s+|-\s*)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|hs?\b)?)?"#
        + #"(?:\s*[-–—:,.)|]+)?\s*"#)
}

/// 12- and 24-hour clock readings shared by notebooks and chats.
enum ClockTime {
    /// `meridiem` is the folded marker as written (`a. m.`, `pm`, `h`), or nil for a 24-hour clock.
    static func make(hour: Int, minute: Int, second: Int = 0, meridiem: String?) -> TimeOfDay? {
        var h = hour
        if let mer = meridiem?.lowercased().filter({ $0 == "a" || $0 == "p" }).first {
            guard (1...12).contains(hour) else { return nil }
            if mer == "a" { h = hour == 12 ? 0 : hour } else { h = hour == 12 ? 12 : hour + 12 }
        }
        return TimeOfDay(hour: h, minute: minute, second: second)
    }
}
