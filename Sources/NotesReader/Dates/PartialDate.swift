import Tabular

/// A date as written at the start of an entry, before the file's day/month order and the missing
/// year are known.
struct PartialDate: Hashable, Sendable {
    /// For numeric forms, the first and second numbers as written (`12/03` → 12, 3); for forms
    /// with a month name or ISO order, `first` is the day and `second` the month.
    var first: Int
    var second: Int
    /// Four-digit year, when written.
    var year: Int?
    /// Whether day and month could be swapped (`03/04`), i.e. a numeric form not in ISO order.
    var numeric: Bool

    /// Day and month under the given order.
    func dayMonth(dayFirst: Bool) -> (day: Int, month: Int) {
        numeric && !dayFirst ? (second, first) : (first, second)
    }

    /// What the numbers alone say about the order: `true` day-first, `false` month-first, `nil` either.
    var orderEvidence: Bool? {
        guard numeric else { return nil }
        if first > 12 && second <= 12 { return true }
        if second > 12 && first <= 12 { return false }
        return nil
    }

    func resolve(dayFirst: Bool, year fallback: Int?) -> LocalDate? {
        let (d, m) = dayMonth(dayFirst: dayFirst)
        guard let y = year ?? fallback else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Two-digit years are 20yy: notes and chats are recent.
    static func fullYear(_ text: String) -> Int? {
        guard let n = Int(text) else { return nil }
        if text.count == 2 { return 2000 + n }
        if text.count == 4 { return n }
        return nil
    }
}
