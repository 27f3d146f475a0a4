import Tabular

/// One `<note>` of an Evernote export, as read from the XML.
struct EnexNote: Sendable {
    /// The line of `<note>` in the `.enex` file.
    var line: Int
    var title = ""
    /// ENML (XHTML) from the CDATA of `<content>`.
    var content = ""
    var created = ""
    var updated = ""
    var tags: [String] = []

    /// `20240312T143000Z` → 2024-03-12 14:30:00 (UTC, as Evernote writes it).
    static func timestamp(_ s: String) -> (date: LocalDate, time: TimeOfDay)? {
        let digits = Array(s.filter { $0.isNumber })
        guard digits.count >= 8, let y = Int(String(digits[0..<4])), let m = Int(String(digits[4..<6])),
              let d = Int(String(digits[6..<8])), let date = LocalDate(year: y, month: m, day: d) else { return nil }
        var time = TimeOfDay(microseconds: 0)
        if digits.count >= 14, let h = Int(String(digits[8..<10])), let mi = Int(String(digits[10..<12])),
           let sec = Int(String(digits[12..<14])), let t = TimeOfDay(hour: h, minute: mi, second: sec) { time = t }
        return (date, time)
    }
}
