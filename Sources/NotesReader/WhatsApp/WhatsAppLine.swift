import Foundation
import Tabular

/// The date stamp that opens a WhatsApp message line, in the Android form
/// (`12/03/24 14:30 - `, `12/3/24, 2:30 p. m. - `) or the iOS form (`[12/03/24, 14:30:15] `).
struct WhatsAppLine: Sendable {
    /// The date's numbers as written; `yearFirst` when the stamp is `2024-03-12`.
    var a: Int, b: Int, c: Int
    var yearFirst: Bool
    var hour: Int, minute: Int, second: Int
    /// `a`/`p` for 12-hour clocks, nil for 24-hour.
    var meridiem: Character?
    /// The 12-hour mark is English (`AM`, `PM`), not Spanish or Portuguese (`a. m.`, `p. m.`).
    var englishMeridiem = false
    /// The text after the stamp: `Name: message`, or a system line.
    var body: String
    var iOS: Bool

    /// `line` must already be cleaned of invisible marks (``NotesText/clean(_:)``).
    static func parse(_ line: String) -> WhatsAppLine? {
        let folded = NotesText.fold(line)
        let ios = folded.hasPrefix("[") || folded.hasPrefix(" [")
        guard let m = (ios ? iosPattern : androidPattern).firstMatch(in: folded),
              let a = m.group(1).flatMap({ Int($0) }), let b = m.group(2).flatMap({ Int($0) }),
              let cText = m.group(3), let c = Int(cText),
              let h = m.group(4).flatMap({ Int($0) }), let mi = m.group(5).flatMap({ Int($0) }) else { return nil }
        let s = m.group(6).flatMap { Int($0) } ?? 0
        let mer = m.group(7).flatMap { t in t.first { $0 == "a" || $0 == "p" } }
        if mer != nil && !(1...12).contains(h) { return nil }
        if mer == nil && !(0...23).contains(h) { return nil }
        guard mi < 60, s < 60 else { return nil }
        let body = String(NotesText.suffix(line, folded: folded, from: m.range.upperBound))
        var parsed = WhatsAppLine(a: a, b: b, c: c, yearFirst: m.group(1)?.count == 4, hour: h, minute: mi, second: s,
                                  meridiem: mer, body: body, iOS: ios)
        parsed.englishMeridiem = m.group(7).map { ["am", "pm"].contains($0.filter(\.isLetter)) && !$0.contains(".") } ?? false
        return parsed
    }

    var time: TimeOfDay? {
        ClockTime.make(hour: hour, minute: minute, second: second, meridiem: meridiem.map { String($0) })
    }

    /// The date as a ``PartialDate`` (numbers in written order) for the file's order decision.
    var partialDate: PartialDate {
        if yearFirst { return PartialDate(first: c, second: b, year: a, numeric: false) }
        return PartialDate(first: a, second: b, year: c < 100 ? 2000 + c : c, numeric: true)
    }

    private static let date = #"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})"#
    private static let time = #"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?|da manha|da tarde|da noite))?"#
    private static let iosPattern = Pattern(#"^\s*\["# + date + #",?\s+"# + time + #"\]\s?"#)
    private static let androidPattern = Pattern(#"^"# + date + #",?\s+"# + time + #"\s+[-–]\s"#)
}
