import Tabular

/// Excel's serial dates: a count of days with the time of day as the fraction.
///
/// In the 1900 system serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never
/// existed (serial 60, kept from Lotus 1-2-3); serials 1–60 therefore lie one day off the real
/// calendar, and 60 is read as 1900-02-28, as calamine and openpyxl do. In the 1904 system serial
/// 0 is 1904-01-01. Values are rounded to the millisecond; dates are naive (no time zone).
/// Excel cannot show a negative serial as a date; like openpyxl, Consolida extends the calendar
/// backwards from the epoch (-1.5 is 1899-12-28 12:00) rather than drop the format.
public enum ExcelSerial {
    /// Largest serial Excel shows as a date: 9999-12-31.
    static let maxSerial = 2_958_465.999_999
    /// Smallest serial that still lands in year 1 when extended backwards.
    static let minSerial = -693_593.0

    /// The typed value of a number shown with a date/time or duration format, or `nil` when the
    /// number has no date (negative, beyond 9999, not finite).
    public static func value(_ serial: Double, kind: NumberFormatKind, date1904: Bool) -> CellValue? {
        guard serial.isFinite else { return nil }
        let ms = (serial * 86_400_000).rounded()
        switch kind {
        case .general:
            return nil
        case .duration:
            return .duration(ms / 1000)
        case .dateTime, .time:
            guard serial >= minSerial, serial <= maxSerial else { return nil }
            let total = Int64(ms)
            // Floor division, so negative serials count back from the epoch with a positive time.
            var days = Int(total / 86_400_000)
            var rest = total % 86_400_000
            if rest < 0 { days -= 1; rest += 86_400_000 }
            // A fraction of a day is a time of day, except that a date format in the 1904 system
            // has a real date at serial 0 (1904-01-01; the 1900 system's serial 0 is no date).
            if days == 0, serial >= 0, serial < 1, kind == .time || !date1904 {
                return .time(TimeOfDay(microseconds: rest * 1000))
            }
            let date: LocalDate
            if date1904 {
                date = LocalDate(daysSinceEpoch: epoch1904Days + days)
            } else {
                date = LocalDate(daysSinceEpoch: (days >= 0 && days < 60 ? epoch1900EarlyDays : epoch1900Days) + days)
            }
            if rest == 0 { return .date(date) }
            return .dateTime(LocalDateTime(date: date, time: TimeOfDay(microseconds: rest * 1000)))
        }
    }

    /// The serial of a date in the 1900 system (for tests and writers).
    public static func serial(of date: LocalDate, date1904: Bool = false) -> Int {
        if date1904 { return date.daysSinceEpoch - epoch1904.daysSinceEpoch }
        let d = date.daysSinceEpoch - epoch1900.daysSinceEpoch
        return d < 61 ? d - 1 : d
    }

    static let epoch1900 = LocalDate(daysSinceEpoch: -25_569)       // 1899-12-30
    static let epoch1900Early = LocalDate(daysSinceEpoch: -25_568)  // 1899-12-31
    static let epoch1904 = LocalDate(daysSinceEpoch: -24_107)       // 1904-01-01
    static let epoch1900Days = -25_569, epoch1900EarlyDays = -25_568, epoch1904Days = -24_107
}
