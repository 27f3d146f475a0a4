import Tabular

/// Cells of type `d` hold ISO 8601 text: `2024-03-01`, `2024-03-01T10:30:00(.123)(Z)`, `10:30:00`.
enum ISODateText {
    static func value(_ s: String) -> CellValue? {
        var text = Substring(s)
        if text.hasSuffix("Z") { text = text.dropLast() }
        if let t = text.firstIndex(of: "T") {
            guard let date = LocalDate(iso: text[..<t]) else { return nil }
            guard let time = timeOfDay(text[text.index(after: t)...]) else { return nil }
            return time.microseconds == 0 ? .date(date) : .dateTime(LocalDateTime(date: date, time: time))
        }
        if let date = LocalDate(iso: text) { return .date(date) }
        if let time = timeOfDay(text) { return .time(time) }
        return nil
    }

    static func timeOfDay(_ s: Substring) -> TimeOfDay? {
        // Drop a zone offset: spreadsheet dates are naive.
        var s = s
        if let plus = s.lastIndex(where: { $0 == "+" || $0 == "-" }) { s = s[..<plus] }
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        var sec = 0, micro = 0
        if parts.count == 3 {
            let sp = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = Int(sp[0]) else { return nil }
            sec = whole
            if sp.count == 2 {
                let digits = String(sp[1].prefix(6))
                guard let f = Int(digits) else { return nil }
                micro = f * Int(pow10(6 - digits.count))
            }
        }
        return TimeOfDay(hour: h, minute: m, second: sec, microsecond: micro)
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}
