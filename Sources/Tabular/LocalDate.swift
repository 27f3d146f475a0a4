/// A calendar date with no time zone (spreadsheet dates are naive: never shifted by a zone).
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date, returning `nil` when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Creates the date that lies `days` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days: exact for the whole proleptic Gregorian calendar.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    public var iso: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = LocalDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(s)")
        }
        self = d
    }
}

/// A time of day with microsecond precision and no time zone.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since midnight, `0 ..< 86_400_000_000`.
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public init?(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
              (0..<1_000_000).contains(microsecond) else { return nil }
        microseconds = Int64(((hour * 60 + minute) * 60 + second)) * 1_000_000 + Int64(microsecond)
    }

    public var hour: Int { Int(microseconds / 3_600_000_000) }
    public var minute: Int { Int(microseconds / 60_000_000 % 60) }
    public var second: Int { Int(microseconds / 1_000_000 % 60) }
    public var microsecond: Int { Int(microseconds % 1_000_000) }

    /// `HH:MM:SS` or `HH:MM:SS.ffffff` when there is a fraction (Python's `isoformat`).
    public var iso: String {
        var s = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if microsecond != 0 { s += "." + pad(microsecond, 6) }
        return s
    }
    public var description: String { iso }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.microseconds < b.microseconds }
}

/// A date and a time of day, with no time zone.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var time: TimeOfDay

    public init(date: LocalDate, time: TimeOfDay) { self.date = date; self.time = time }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]`.
    public var iso: String { date.iso + "T" + time.iso }
    public var description: String { iso }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }
}

@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(abs(n))
    let padded = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    return n < 0 ? "-" + padded : padded
}
